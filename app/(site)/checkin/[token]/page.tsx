import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { confirmCheckIn } from "@/app/(site)/checkin/[token]/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { readCheckInToken } from "@/lib/check-in-links";
import { findGuideKind, isTopic } from "@/lib/content/taxonomy";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Log your talk", robots: { index: false } };

export default async function CheckInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = readCheckInToken(decodeURIComponent(token));
  const child =
    link &&
    (await getDb().child.findUnique({ where: { id: link.subject }, select: { id: true, label: true } }));
  if (!link || !child || !link.topic || !isTopic(link.topic)) {
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
  const recorded = await getDb().checkIn.findUnique({ where: { linkId: link.id }, select: { id: true } });
  const topic = findGuideKind(link.topic)!;
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
