// What a child profile means over time: their current age group, and their topics this year.
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { TOPICS, type TopicSlug } from "@/lib/guides/taxonomy";
import { localMonthOf } from "@/lib/reminders/recurrence";
import {
  promptForMonth,
  topicsTalkedAbout,
  type PastPrompt,
  type Talk,
} from "@/lib/reminders/monthly-prompt";

export type ChildAge = { ageGroup: string | null; birthYear: number | null; birthMonth: number | null };

/** Whole years of age on `date` for a child born in `birthMonth` of `birthYear` (taken as the 1st). */
export function ageOn(birthYear: number, birthMonth: number, date: Date): number {
  const months = (date.getUTCFullYear() - birthYear) * 12 + (date.getUTCMonth() + 1 - birthMonth);
  return Math.floor(months / 12);
}

/**
 * The age group a child is in on `date`. With a birth month and year it advances by itself;
 * under 4 reads as 4-7 and over 17 as 14-17 (the youngest and oldest guides we have).
 */
export function ageGroupOn(child: ChildAge, date: Date): AgeGroupSlug {
  if (child.birthYear && child.birthMonth) {
    const age = ageOn(child.birthYear, child.birthMonth, date);
    const group = AGE_GROUPS.find((g) => age >= g.from && age <= g.to);
    if (group) return group.slug;
    return age < AGE_GROUPS[0].from ? AGE_GROUPS[0].slug : AGE_GROUPS[AGE_GROUPS.length - 1]!.slug;
  }
  const stored = AGE_GROUPS.find((g) => g.slug === child.ageGroup);
  return stored?.slug ?? AGE_GROUPS[0].slug;
}

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
