import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { confirmCheckIn } from "@/app/(site)/checkin/[token]/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { checkInLinkState } from "@/lib/email/check-in-links";
import { findGuideKind } from "@/lib/guides/taxonomy";

export const metadata: Metadata = { title: "Log your talk", robots: { index: false } };

export default async function CheckInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkInLinkState(decodeURIComponent(token));
  if (!state) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>
          Links in our emails work for 35 days. You can still log your talk:{" "}
          <Link href="/account">sign in</Link> and choose &ldquo;We talked&rdquo;.
        </p>
      </>
    );
  }
  const { child, recorded } = state;
  const topic = findGuideKind(state.topic)!;
  const who = child.label ?? "your child";
  if (recorded) {
    return (
      <>
        <h1>Thank you, that&apos;s logged</h1>
        <p>
          You talked with {who} about {topic.title.toLowerCase()}. Keeping these talks going month by month is
          what helps most.
        </p>
        <p>
          <Link href="/account">See your check-ins</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Did you talk with {who}?</h1>
      <p>
        This month&apos;s topic was {topic.title.toLowerCase()}. Confirm and we&apos;ll log the talk for you.
      </p>
      <ActionForm
        action={confirmCheckIn.bind(null, decodeURIComponent(token))}
        permalink={`/checkin/${token}`}
      >
        <button type="submit" className={buttonClass}>
          Yes, we talked
        </button>
      </ActionForm>
    </>
  );
}
