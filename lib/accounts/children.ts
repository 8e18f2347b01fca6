// What a child profile means over time: their current age group, and the topic to suggest next.
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { TOPICS, type TopicSlug } from "@/lib/guides/taxonomy";

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

/** The topic least recently talked about (never talked about first, then in the guides' order). */
export function suggestedTopic(checkIns: { topic: string; talkedAt: Date }[]): TopicSlug {
  const last = new Map<string, number>();
  for (const checkIn of checkIns) {
    last.set(checkIn.topic, Math.max(last.get(checkIn.topic) ?? 0, checkIn.talkedAt.getTime()));
  }
  let best: TopicSlug = TOPICS[0].slug;
  let bestTime = Infinity;
  for (const topic of TOPICS) {
    const time = last.get(topic.slug) ?? -Infinity;
    if (time < bestTime) {
      best = topic.slug;
      bestTime = time;
    }
  }
  return best;
}
