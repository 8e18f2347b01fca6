// Where the confirmation lands (signed in by its button, whose POST made the child and plan: see
// finishRemindSignIn): in one sentence when the first check-in is, the calendar link if chosen, a
// starter to try tonight, and the school's choice when it came through a school's link. Opening this
// page makes nothing.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { formatLocal } from "@/lib/reminders/plans";
import { readSchoolChoice, remindedChildSummary } from "@/lib/accounts/remind-request";
import { requireLinkSecret } from "@/lib/server/signed-links";
import { chooseSchoolCounting } from "@/app/(site)/remind/actions";
import { calendarFilePath, calendarSubscribeUrl } from "@/components/account/calendar-links";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { schoolByCode } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Your monthly check-in is set up", robots: { index: false } };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ r?: string; child?: string; c?: string; counted?: string; problem?: string }>;
}) {
  const { r, child, c, counted, problem } = await searchParams;
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) redirect("/signin");
  // The request itself (?r=) is only ever used by the email's button; opened here it makes nothing.
  if (typeof r === "string") return <NotMade why="open-email" />;
  if (typeof problem === "string") return <NotMade why={notMadeReason(problem)} />;
  const childId = typeof child === "string" ? child : null;
  const summary = childId ? await remindedChildSummary(user.id, childId) : null;
  if (!summary || !childId) return <NotMade why={null} />;
  const code = typeof c === "string" ? readSchoolChoice(requireLinkSecret(), c, childId) : null;
  const school = code ? await schoolByCode(code) : null;
  const { plan } = summary;
  return (
    <>
      <h1>Your monthly check-in is set up</h1>
      <p data-testid="first-check-in">
        Your first check-in is on {formatLocal(plan.nextDueAt, plan.timeZone)}
        {plan.emailEnabled ? ", and we will email you then" : ""}.
      </p>
      <p>
        <Link href="/account/add-child" className="font-semibold">
          Add another child
        </Link>{" "}
        (same plan, one email a month for all your children).
      </p>
      {plan.calendarToken && (
        <p>
          <a href={calendarSubscribeUrl(getEnv().APP_URL, plan.calendarToken)}>
            Add the reminders to your calendar
          </a>{" "}
          (or <a href={calendarFilePath(plan.calendarToken)}>download the calendar file</a>).
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
        <SchoolChoice school={school} childId={childId} choice={c!} />
      )}
      <p>
        <Link href="/account">See or change your check-ins</Link>
      </p>
    </>
  );
}

/** The choice to be counted by the school whose link the parent came through: unticked, and theirs. */
function SchoolChoice({
  school,
  childId,
  choice,
}: {
  school: { code: string; name: string };
  childId: string;
  choice: string;
}) {
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
        action={chooseSchoolCounting.bind(null, childId, choice)}
        permalink={`/remind/ready?child=${childId}&c=${choice}`}
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

type NotMadeReason = "other-address" | "limit" | "used" | "open-email" | null;

function notMadeReason(problem: string): NotMadeReason {
  return problem === "other-address" || problem === "limit" || problem === "used" ? problem : null;
}

const NOT_MADE: Record<NonNullable<NotMadeReason> | "expired", string> = {
  "other-address":
    "You are signed in with a different email address from the one this link was sent to. Sign out, then use the link again.",
  limit:
    "You already have the most children we keep (12). Remove one from your check-ins, then use the link again.",
  used: "This link has been used already: it sets up a check-in once. Your check-ins are on your account page.",
  "open-email":
    "A check-in is set up only from the email we sent: open it and press its button. Opening this page changes nothing.",
  expired:
    "The link may have expired (they work for 24 hours). Fill in the form again and use the newest email.",
};

function NotMade({ why }: { why: NotMadeReason }) {
  return (
    <>
      <h1>We couldn&apos;t set up that check-in</h1>
      <p>{NOT_MADE[why ?? "expired"]}</p>
      <p>
        <Link href="/remind">Set up a monthly reminder</Link> or{" "}
        <Link href="/account">see your check-ins</Link>
      </p>
    </>
  );
}
