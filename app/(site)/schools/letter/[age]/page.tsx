import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import { notFound, permanentRedirect } from "next/navigation";
import { LetterBody } from "@/components/schools/letter-body";
import { AGE_GROUPS, findAgeGroup } from "@/lib/guides/age-groups";
import { parseSchoolName, remindUrl, SCHOOL_NAME_MAX } from "@/lib/schools/school-kit";

type Params = { age: string };

export function generateStaticParams(): Params[] {
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const group = findAgeGroup((await params).age);
  if (!group) return {};
  return publicPage(
    `/schools/letter/${group.slug}`,
    `Letter home: ages ${group.from} to ${group.to}`,
    `A one-page letter for schools to send to parents of children aged ${group.from} to ${group.to}.`,
  );
}

export default async function LetterPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ school?: string | string[] }>;
}) {
  const { age } = await params;
  const group = findAgeGroup(age);
  if (!group) {
    if (findAgeGroup(age.toLowerCase())) permanentRedirect(`/schools/letter/${age.toLowerCase()}`);
    notFound();
  }
  // The school's name is printed and forgotten: never stored or logged.
  const school = parseSchoolName((await searchParams).school);

  return (
    <article className="letter">
      <div className="rounded-lg bg-brand-50 p-4 print:hidden dark:bg-night-raised">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor="school" className="block font-semibold">
              Your school&apos;s name (optional, at most {SCHOOL_NAME_MAX} characters)
            </label>
            <input
              id="school"
              name="school"
              defaultValue={school.name ?? ""}
              maxLength={SCHOOL_NAME_MAX}
              aria-describedby={school.problem ? "school-problem" : undefined}
              aria-invalid={school.problem ? true : undefined}
              className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2 text-ink"
            />
          </div>
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Add to the letter
          </button>
        </form>
        {school.problem && (
          <p id="school-problem" role="alert" className="mt-2 font-semibold text-red-800 dark:text-red-300">
            {school.problem} The letter below is shown without a school name.
          </p>
        )}
        <p className="mt-2 text-sm">
          Then print this page: it fits on one A4 sheet. We do not keep the name.
        </p>
      </div>

      <LetterBody group={group} schoolName={school.name} remind={remindUrl(group)} />
    </article>
  );
}
