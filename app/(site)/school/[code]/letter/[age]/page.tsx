// A registered school's letter home for an age group: its name at the top and its own reminder link
// (with its code) in the QR code. For its contacts; the public letter is /schools/letter/<age>.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LetterBody } from "@/components/schools/letter-body";
import Link from "@/components/ui/link";
import { findAgeGroup } from "@/lib/guides/age-groups";
import { remindUrl } from "@/lib/schools/school-kit";
import { schoolForContact } from "@/lib/schools/schools";
import { requireUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Letter home", robots: { index: false } };

export default async function SchoolLetterPage({
  params,
}: {
  params: Promise<{ code: string; age: string }>;
}) {
  const userId = await requireUserId("/schools/register");
  const { code, age } = await params;
  const group = findAgeGroup(age);
  const school = group ? await schoolForContact(userId, code) : null;
  if (!group || !school) notFound();
  return (
    <article className="letter">
      <div className="rounded-lg bg-brand-50 p-4 print:hidden dark:bg-night-raised">
        <p className="m-0">
          Print this page: it fits on one A4 sheet. Its reminder code carries your school&apos;s code, so
          sign-ups through it count for {school.name}.{" "}
          <Link href={`/school/${school.code}`}>Back to your school</Link>
        </p>
      </div>
      <LetterBody group={group} schoolName={school.name} remind={remindUrl(group, school.code)} />
    </article>
  );
}
