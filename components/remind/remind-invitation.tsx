"use client";
// A compact box near the top of an age hub or a guide: the way to a monthly reminder for that age.
// A parent who already has a monthly check-in is offered "Log that we talked" instead (the answer of
// GET /api/me, components/visitor-hint.tsx); without JavaScript, and until the answer comes, everyone
// sees the invitation. Not printed.
import Link from "@/components/ui/link";
import { useVisitorHint } from "@/components/visitor-hint";

export function RemindInvitation({
  group,
  topic,
}: {
  group: { slug: string; from: number; to: number };
  /** The guide's topic, when the box is on a topic guide: "Log that we talked" names it. */
  topic?: { slug: string; title: string };
}) {
  const { hasPlan } = useVisitorHint();
  const box =
    "mt-6 rounded-lg border-2 border-brand-100 bg-brand-50 p-3 print:hidden dark:border-night-raised dark:bg-night-raised";
  if (hasPlan) {
    const href = topic ? `/account/talked?topic=${topic.slug}` : "/account/talked";
    return (
      <aside aria-label="Your monthly check-in" className={box}>
        <p className="m-0">
          <Link href={href} className="font-semibold">
            Log that we talked
          </Link>
          {topic
            ? ` about ${topic.title.toLowerCase()}: it counts towards this month's check-in.`
            : ": it counts towards this month's check-in."}
        </p>
      </aside>
    );
  }
  return (
    <aside aria-label="Monthly reminder" className={box}>
      <p className="m-0">
        <Link href={`/remind/${group.slug}`} className="font-semibold">
          Get a monthly reminder to talk with your {group.from} to {group.to} year old
        </Link>
        : one short email or calendar note a month, with a starter for that month&apos;s talk.
      </p>
    </aside>
  );
}
