// Where the confirmation lands (signed in by its button): the child and plan made, once, and in one
// sentence when the first check-in is, the calendar link if chosen, and a starter to try tonight.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { formatLocal } from "@/lib/accounts/plans";
import { confirmRemindRequest, remindedChildSummary } from "@/lib/accounts/remind-request";
import { chooseSchoolCounting } from "@/app/(site)/remind/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { schoolByCode } from "@/lib/schools/schools";
import { auth } from "@/lib/server/auth";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Your monthly check-in is set up", robots: { index: false } };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ r?: string; child?: string; s?: string; counted?: string }>;
}) {
  const { r, child, s, counted } = await searchParams;
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) redirect("/signin");
  let childId = typeof child === "string" ? child : null;
  let code = typeof s === "string" ? s : null;
  if (typeof r === "string") {
    const made = await confirmRemindRequest({ id: user.id, email: user.email }, r);
    if (made === null || made === "other-address" || made === "limit") return <NotMade why={made} />;
    childId = made.childId;
    code = made.school;
  }
  const summary = childId ? await remindedChildSummary(user.id, childId) : null;
  if (!summary) return <NotMade why={null} />;
  const school = code ? await schoolByCode(code) : null;
  const { plan } = summary;
  const feed = plan.calendarToken
    ? `${getEnv().APP_URL.replace(/^https?:/, "webcal:")}/api/calendar/${plan.calendarToken}.ics`
    : null;
  return (
    <>
      <h1>Your monthly check-in is set up</h1>
      <p data-testid="first-check-in">
        Your first check-in is on {formatLocal(plan.nextDueAt, plan.timeZone)}
        {plan.emailEnabled ? ", and we will email you then" : ""}.
      </p>
      {feed && (
        <p>
          <a href={feed}>Add the reminders to your calendar</a> (or{" "}
          <a href={`/api/calendar/${plan.calendarToken}.ics`}>download the calendar file</a>).
        </p>
      )}
      {summary.starter && (
        <>
          <h2>Something to try tonight</h2>
          <blockquote className="border-l-4 border-brand-700 pl-4">{summary.starter}</blockquote>
          <p>
            <Link href={summary.guidePath}>Read the guide it comes from</Link>
          </p>
        </>
      )}
      {counted === "yes" &&
        summary.countedBy.map((by) => (
          <p key={by.id} role="status" data-testid="school-counted">
            {by.name} now counts your family in its totals. It only ever sees numbers. You can stop this at
            any time from <Link href="/account">your account page</Link>.
          </p>
        ))}
      {counted === "no" && (
        <p role="status">
          The school will not count your family. It still sees one more sign-up through its link, as a number,
          and nothing that leads to you.
        </p>
      )}
      {school && childId && !counted && !summary.countedBy.some((by) => by.id === school.id) && (
        <SchoolChoice school={school} childId={childId} />
      )}
      <p>
        <Link href="/account">See or change your check-ins</Link>
      </p>
    </>
  );
}

/** The choice to be counted by the school whose link the parent came through: unticked, and theirs. */
function SchoolChoice({ school, childId }: { school: { code: string; name: string }; childId: string }) {
  return (
    <section aria-labelledby="school-choice" className="mt-8 rounded-lg bg-brand-50 p-4 dark:bg-night-raised">
      <h2 id="school-choice" className="mt-0">
        Your school
      </h2>
      <p>
        You came through a link from {school.name}. They see how many parents sign up through it, never who.
        They can also see how many families keep up their monthly check-ins, but only of families who say yes
        here.
      </p>
      <ActionForm
        action={chooseSchoolCounting.bind(null, childId, school.code)}
        permalink={`/remind/ready?child=${childId}&s=${school.code}`}
      >
        <p className="flex items-start gap-3">
          <input
            id="count-family"
            type="checkbox"
            name="count"
            value="yes"
            className="mt-0.5 size-6 shrink-0"
          />
          <label htmlFor="count-family">
            Let {school.name} count our family in its totals: the school only ever sees numbers, never who you
            are
          </label>
        </p>
        <button type="submit" className={buttonClass}>
          Save my choice
        </button>
      </ActionForm>
    </section>
  );
}

function NotMade({ why }: { why: "other-address" | "limit" | null }) {
  return (
    <>
      <h1>We couldn&apos;t set up that check-in</h1>
      <p>
        {why === "other-address"
          ? "You are signed in with a different email address from the one this link was sent to. Sign out, then use the link again."
          : why === "limit"
            ? "You already have the most children we keep (12). Remove one from your check-ins, then use the link again."
            : "The link may have expired (they work for 24 hours). Fill in the form again and use the newest email."}
      </p>
      <p>
        <Link href="/remind">Set up a monthly reminder</Link> or{" "}
        <Link href="/account">see your check-ins</Link>
      </p>
    </>
  );
}
