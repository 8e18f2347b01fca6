import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { QrCode } from "@/components/schools/qr-code";
import { AGE_GROUPS, findAgeGroup } from "@/lib/guides/age-groups";
import { TOPICS } from "@/lib/guides/taxonomy";
import { HELP_ROUTES } from "@/lib/guides/help-routes";
import { hubUrl, parseSchoolName, remindUrl, SCHOOL_NAME_MAX } from "@/lib/schools/school-kit";

type Params = { age: string };

export function generateStaticParams(): Params[] {
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const group = findAgeGroup((await params).age);
  if (!group) return {};
  return {
    title: `Letter home: ages ${group.from} to ${group.to}`,
    description: `A one-page letter for schools to send to parents of children aged ${group.from} to ${group.to}.`,
    alternates: { canonical: `/schools/letter/${group.slug}` },
  };
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
  const url = hubUrl(group);
  const remind = remindUrl(group);

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

      {school.name && <p className="letter-school mt-8 text-xl font-bold">{school.name}</p>}
      <h1 className="mt-6">Helping your child stay safe online</h1>
      <p>Dear parent or carer,</p>
      <p>
        Children aged {group.from} to {group.to} spend more and more time online. Most of it is good fun. But
        the police and the National Crime Agency say the best protection is simple: talk with your child,
        often, about what they do online and who they talk to. Many parents mean to have that talk and never
        quite find the moment.
      </p>
      <p>
        Talk Often is a free website with short guides written for children of this age. Each one tells you
        what to say, what to listen for and what to do together, in about five minutes. There are no adverts.
        If you would like a nudge, it can send you a monthly reminder to talk, with a conversation starter for
        your child&apos;s age: set it up in one step with the second code.
      </p>
      <h2>Three things to talk about</h2>
      <ul>
        {TOPICS.map((topic) => (
          <li key={topic.slug}>
            <strong>{topic.title}.</strong> {topic.summary}
          </li>
        ))}
      </ul>
      <div className="letter-link mt-6 grid gap-6 sm:grid-cols-2 print:grid-cols-2">
        <div className="flex items-center gap-3">
          <QrCode url={url} label={`QR code for ${url}`} className="w-28 shrink-0 bg-white p-1" />
          <div>
            <p className="m-0">The guides: scan the code, or type</p>
            <p className="m-0 mt-1 font-bold break-all">{url}</p>
          </div>
        </div>
        <div className="flex items-center gap-3">
          <QrCode url={remind} label={`QR code for ${remind}`} className="w-28 shrink-0 bg-white p-1" />
          <div>
            <p className="m-0">A monthly reminder: scan the code, or type</p>
            <p className="m-0 mt-1 font-bold break-all">{remind}</p>
          </div>
        </div>
      </div>
      <h2>If you&apos;re worried about a child</h2>
      <ul className="letter-help">
        {HELP_ROUTES.map((route) => (
          <li key={route.id}>
            <strong>{route.name}</strong>
            {route.phone ? `: ${route.phone}` : ""}. {route.when}
            {route.id === "ceop" ? " ceop.police.uk" : ""}
          </li>
        ))}
      </ul>
      <p>You can also talk to us at school at any time.</p>
    </article>
  );
}
