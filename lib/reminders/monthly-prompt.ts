// What each month's check-in suggests: the topic the family has not covered for longest, and a
// conversation starter from that topic's guide (for the child's age group that month) not used for
// this child in the last 12 months. A topic counts as covered when the parent logged a talk on it, or
// when a month's check-in suggested it; between topics never covered, TOPICS' order decides.
//
// One topic a month: with no logged talks every topic comes round once in every TOPICS.length months,
// and each guide's six or more starters last over a year. When a family talks about the other topics
// and one keeps coming back, a topic whose starters are all used this year gives way to the next.
// Every topic is still covered in any run of TOPICS.length months (at least seven topics): a topic
// waits at most for the others covered before it (one a month), or for its starters, which come free
// within six months of its last suggestion; and only one topic can have used six starters in 11 months.
import { findGuide } from "@/lib/guides/load-guides";
import { TOPICS, type MonthlyPrompt, type TopicSlug } from "@/lib/guides/taxonomy";

/** A month's check-in as sent (or shown in the calendar): Delivery.month, .topic, .starter. */
export type PastPrompt = { month: string; topic: string | null; starter: string | null };
export type Talk = { topic: string; talkedAt: Date };
/** Every guide has at least six starters (the build checks), so two follow-ups always differ from it. */
export type { MonthlyPrompt };

/** "2026-12" → months since year 0, for differences. */
function monthNumber(month: string): number {
  const [year, number] = month.split("-").map(Number);
  return year! * 12 + (number! - 1);
}

/** The start of `month` (UTC), or of the month `later` months after it. */
function monthStart(month: string, later = 0): number {
  const [year, number] = month.split("-").map(Number);
  return Date.UTC(year!, number! - 1 + later, 1);
}

/** The prompt for `month` (local "YYYY-MM"), from the months before it and the talks logged. */
export function chooseMonthlyPrompt(input: {
  ageGroup: string;
  month: string;
  past: PastPrompt[];
  talks: Talk[];
}): MonthlyPrompt {
  const current = monthNumber(input.month);
  const before = input.past.filter((prompt) => prompt.topic && monthNumber(prompt.month) < current);
  const lastCovered = new Map<string, number>();
  const cover = (topic: string, at: number) =>
    lastCovered.set(topic, Math.max(lastCovered.get(topic) ?? -Infinity, at));
  for (const prompt of before) cover(prompt.topic!, monthStart(prompt.month));
  // Talks logged up to the end of this month count (a talk after this month's email has no say in it).
  const monthEnd = monthStart(input.month, 1);
  for (const talk of input.talks) {
    if (talk.talkedAt.getTime() < monthEnd) cover(talk.topic, talk.talkedAt.getTime());
  }

  // Starters used for this child in the 11 months before this one: none may come back within 12.
  const used = new Set(
    before.filter((prompt) => current - monthNumber(prompt.month) < 12).map((prompt) => prompt.starter),
  );
  const order = TOPICS.map((topic, index) => ({
    slug: topic.slug,
    index,
    at: lastCovered.get(topic.slug) ?? -Infinity,
  }));
  order.sort((a, b) => a.at - b.at || a.index - b.index);
  for (const { slug } of order) {
    const guide = findGuide(input.ageGroup, slug);
    if (!guide) continue;
    const start = guide.starters.findIndex((starter) => !used.has(starter));
    if (start !== -1) return promptAt(slug, guide.starters, start);
  }
  // Unreachable (every topic × at least six starters > 12 months); kept total.
  return promptAt(order[0]!.slug, findGuide(input.ageGroup, order[0]!.slug)!.starters, 0);
}

/** The starter at `index` of a guide, and the two after it (round the list) as follow-ups. */
function promptAt(topic: TopicSlug, starters: string[], index: number): MonthlyPrompt {
  const next = (offset: number) => starters[(index + offset) % starters.length]!;
  return { topic, starter: starters[index]!, followUps: [next(1), next(2)] };
}

/** The prompt of `month`: the one recorded when its reminder went out, or the one it will get. */
export function promptForMonth(input: {
  ageGroup: string;
  month: string;
  past: PastPrompt[];
  talks: Talk[];
}): MonthlyPrompt {
  const recorded = input.past.find(
    (prompt) => prompt.month === input.month && prompt.topic && prompt.starter,
  );
  const guide = recorded && findGuide(input.ageGroup, recorded.topic!);
  const index = guide ? guide.starters.indexOf(recorded!.starter!) : -1;
  if (guide && index !== -1) return promptAt(guide.slug as TopicSlug, guide.starters, index);
  return chooseMonthlyPrompt(input);
}

/** Topics with a logged talk in the 12 months before `now`, for "4 of 9 topics this year". */
export function topicsTalkedAbout(talks: Talk[], now: Date): TopicSlug[] {
  const since = now.getTime() - 365 * 86_400_000;
  return TOPICS.map((topic) => topic.slug).filter((slug) =>
    talks.some((talk) => talk.topic === slug && talk.talkedAt.getTime() > since),
  );
}
