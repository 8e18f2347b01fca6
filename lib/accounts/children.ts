// What the account page says about a child's topics this year (their age group: lib/guides/age-groups.ts).
import { ageGroupOn, type ChildAge } from "@/lib/guides/age-groups";
import { TOPICS, type TopicSlug } from "@/lib/guides/taxonomy";
import { localMonthOf } from "@/lib/reminders/recurrence";
import {
  promptForMonth,
  topicsTalkedAbout,
  type PastPrompt,
  type Talk,
} from "@/lib/reminders/monthly-prompt";

/**
 * What the account page says about a child's topics: those talked about in the last 12 months, this
 * month's when its email went (the topic recorded on that Delivery, so the page and the email agree),
 * and the next suggested one (the prompt of the month of the next check-in, or of this month without
 * a plan).
 */
export function childTopics(
  child: ChildAge & {
    checkIns: Talk[];
    plan: { nextDueAt: Date; timeZone: string; deliveries: (PastPrompt & { status?: string })[] } | null;
  },
  now: Date,
): { talked: TopicSlug[]; of: number; next: TopicSlug; thisMonth?: TopicSlug } {
  const when = child.plan ? child.plan.nextDueAt : now;
  const month = child.plan ? localMonthOf(when, child.plan.timeZone) : now.toISOString().slice(0, 7);
  const next = promptForMonth({
    ageGroup: ageGroupOn(child, when),
    month,
    past: child.plan?.deliveries ?? [],
    talks: child.checkIns,
  });
  const emailed = child.plan?.deliveries.find(
    (delivery) =>
      delivery.month === localMonthOf(now, child.plan!.timeZone) &&
      delivery.status === "SENT" &&
      TOPICS.some((topic) => topic.slug === delivery.topic),
  );
  return {
    talked: topicsTalkedAbout(child.checkIns, now),
    of: TOPICS.length,
    next: next.topic,
    ...(emailed && { thisMonth: emailed.topic as TopicSlug }),
  };
}
