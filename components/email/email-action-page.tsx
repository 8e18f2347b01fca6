// The page behind a link in a reminder email: it asks, and only its button (a POST) acts.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { confirmEmailAction } from "@/app/(site)/reminders/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { requireLinkSecret, verifyLink } from "@/lib/server/signed-links";
import { EMAIL_ACTION_PATHS, type EmailAction } from "@/lib/email/email-actions";

const COPY: Record<
  EmailAction,
  { ask: string; explain: ReactNode; button: string; done: string; doneText: ReactNode }
> = {
  unsubscribe: {
    ask: "Stop reminder emails?",
    explain:
      "You will get no more monthly reminder emails for this plan. Your account and talk log stay as they are.",
    button: "Stop the emails",
    done: "You won't get these emails any more",
    doneText: (
      <>
        We have turned off reminder emails for this plan. You can turn them back on, or delete your account,
        from <Link href="/account">your check-ins</Link>.
      </>
    ),
  },
  pause: {
    ask: "Pause these reminders?",
    explain:
      "No more reminders for this plan, by email or in your calendar, until you resume them. Your talk log stays as it is.",
    button: "Pause reminders",
    done: "Reminders paused",
    doneText: (
      <>
        Nothing more will come for this plan. To start again, <Link href="/account">sign in</Link> and choose
        &ldquo;Resume reminders&rdquo;.
      </>
    ),
  },
  skip: {
    ask: "Skip this month's talk?",
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
  },
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
  const copy = COPY[action];
  if (done) {
    return (
      <>
        <h1>{copy.done}</h1>
        <p>{copy.doneText}</p>
      </>
    );
  }
  if (invalid || !verifyLink(requireLinkSecret(), token, action)) {
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
