// The page behind a link in a reminder email: it asks, and only its button (a POST) acts.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { confirmEmailAction } from "@/app/(site)/reminders/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { EMAIL_ACTION_PATHS, emailActionSubject, type EmailAction } from "@/lib/email/email-actions";
import { listOf } from "@/lib/email/household-reminder-email";

/** Who the page is about: one child (and how many others have check-ins), or every child of a household. */
type Subject = { children: string[]; others: number };

const othersCarryOn = (subject: Subject, what: string) =>
  subject.others > 0
    ? ` Your other ${subject.others === 1 ? "child's" : "children's"} ${what} carry on.`
    : "";

const COPY: Record<
  EmailAction,
  (subject: Subject) => { ask: string; explain: ReactNode; button: string; done: string; doneText: ReactNode }
> = {
  unsubscribe: (subject) => ({
    ask: `Stop the check-in emails for ${subject.children[0]}?`,
    explain: `You will get no more monthly reminder emails for ${subject.children[0]}.${othersCarryOn(subject, "emails")} Your account and talk log stay as they are.`,
    button: "Stop the emails",
    done: `No more emails for ${subject.children[0]}`,
    doneText: (
      <>
        We have turned off reminder emails for {subject.children[0]}.{othersCarryOn(subject, "emails")} You
        can turn them back on, or delete your account, from <Link href="/account">your check-ins</Link>.
      </>
    ),
  }),
  "stop-household": (subject) => ({
    ask: "Stop the check-in emails for all your children?",
    explain: `This email covers ${listOf(subject.children)}. You will get no more monthly reminder emails for any of them. Your account, calendar feeds and talk log stay as they are. To stop one child's emails only, pause that child instead, or choose on your account page.`,
    button: "Stop the emails for all my children",
    done: "You won't get these emails any more",
    doneText: (
      <>
        We have turned off reminder emails for {listOf(subject.children)}. You can turn them back on, or
        delete your account, from <Link href="/account">your check-ins</Link>.
      </>
    ),
  }),
  pause: (subject) => ({
    ask: `Pause the check-ins for ${subject.children[0]}?`,
    explain: `No more reminders for ${subject.children[0]}, by email or in your calendar, until you resume them.${othersCarryOn(subject, "check-ins")} Your talk log stays as it is.`,
    button: "Pause reminders",
    done: `Reminders paused for ${subject.children[0]}`,
    doneText: (
      <>
        Nothing more will come for {subject.children[0]}.{othersCarryOn(subject, "check-ins")} To start again,{" "}
        <Link href="/account">sign in</Link> and choose &ldquo;Resume reminders&rdquo;.
      </>
    ),
  }),
  skip: (subject) => ({
    ask: `Skip this month's talk with ${subject.children[0]}?`,
    explain:
      "That's fine: some months are busy. We'll note that you skipped this month and keep the same topic for next time. Your reminders carry on as planned.",
    button: "Skip this month",
    done: "Skipped for this month",
    doneText: (
      <>
        Your next reminder comes as planned, with the same topic. You can see your plan in{" "}
        <Link href="/account">your check-ins</Link>.
      </>
    ),
  }),
};

export async function EmailActionPage({
  action,
  params,
  searchParams,
}: {
  action: EmailAction;
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; invalid?: string }>;
}) {
  const token = decodeURIComponent((await params).token);
  const { done, invalid } = await searchParams;
  // Read before acting and after, so the page names the child whatever the button changed.
  const subject = await emailActionSubject(action, token);
  const copy = COPY[action](subject ?? { children: ["your child"], others: 0 });
  if (done && !invalid) {
    return (
      <>
        <h1>{copy.done}</h1>
        <p>{copy.doneText}</p>
      </>
    );
  }
  if (invalid || !subject) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>
          It may be old, or copied only in part. <Link href="/account">Sign in</Link> to change, pause or stop
          your reminders.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{copy.ask}</h1>
      <p>{copy.explain}</p>
      <ActionForm
        action={confirmEmailAction.bind(null, action, token)}
        permalink={`${EMAIL_ACTION_PATHS[action]}/${encodeURIComponent(token)}`}
      >
        <button type="submit" className={buttonClass}>
          {copy.button}
        </button>
      </ActionForm>
    </>
  );
}
