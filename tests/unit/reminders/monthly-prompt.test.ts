// The monthly prompt never goes stale: simulated over 24 months, with and without logged talks, no
// starter comes back within 12 months and every topic is covered (suggested or talked about) in each
// run of as many months as there are topics; a child who moves up an age group gets the new group's
// guides that month.
import { describe, expect, it } from "vitest";
import { ageGroupOn } from "@/lib/guides/age-groups";
import { findGuide } from "@/lib/guides/load-guides";
import { TOPICS } from "@/lib/guides/taxonomy";
import {
  chooseMonthlyPrompt,
  topicsTalkedAbout,
  type PastPrompt,
  type Talk,
} from "@/lib/reminders/monthly-prompt";

const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const [year, month] = from.split("-").map(Number);
    const index = year! * 12 + month! - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });

/** A seeded random number generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One topic a month: every topic is covered in any run of this many months. */
const WINDOW = TOPICS.length;

type Parent = (month: string, prompt: { topic: string }, next: () => number) => Talk[];

function simulate(ageGroup: string | ((month: string) => string), parent: Parent, seed = 1) {
  const past: PastPrompt[] = [];
  const talks: Talk[] = [];
  const next = random(seed);
  for (const month of months("2026-12", 24)) {
    const group = typeof ageGroup === "string" ? ageGroup : ageGroup(month);
    const prompt = chooseMonthlyPrompt({ ageGroup: group, month, past, talks });
    past.push({ month, topic: prompt.topic, starter: prompt.starter });
    talks.push(...parent(month, prompt, next));
  }
  return { past, talks };
}

function expectNeverStale({ past, talks }: { past: PastPrompt[]; talks: Talk[] }) {
  // No starter twice within 12 months.
  for (let i = 0; i < past.length; i += 1)
    for (let j = i + 1; j < Math.min(past.length, i + 12); j += 1)
      expect(past[j]!.starter).not.toBe(past[i]!.starter);
  // Every topic covered in each run of WINDOW months.
  for (let start = 0; start + WINDOW <= past.length; start += 1) {
    const window = past.slice(start, start + WINDOW);
    const first = window[0]!.month;
    const last = window[WINDOW - 1]!.month;
    const covered = new Set(window.map((p) => p.topic));
    for (const talk of talks) {
      const month = talk.talkedAt.toISOString().slice(0, 7);
      if (month >= first && month <= last) covered.add(talk.topic);
    }
    expect([...covered].sort(), `months ${first} to ${last}`).toEqual(TOPICS.map((t) => t.slug).sort());
  }
}

const day = (month: string, date: number) => new Date(`${month}-${String(date).padStart(2, "0")}T19:30:00Z`);

describe("the monthly prompt", () => {
  it.each(["4-7", "8-10", "11-13", "14-17"])(
    `for a %s child with no logged talks: every topic once in every ${WINDOW} months, no starter back within 12 months`,
    (group) => {
      const run = simulate(group, () => []);
      expectNeverStale(run);
      expect(run.past.slice(0, WINDOW).map((p) => p.topic)).toEqual(TOPICS.map((t) => t.slug));
      for (const prompt of run.past)
        expect(findGuide(group, prompt.topic!)!.starters).toContain(prompt.starter);
    },
  );

  it.each([1, 2, 3, 4, 5])(
    "for a family who logs some talks (random, seed %i): still never stale",
    (seed) => {
      const slugs = TOPICS.map((t) => t.slug);
      const run = simulate(
        "8-10",
        (month, prompt, next) => {
          const talks: Talk[] = [];
          if (next() < 0.6) talks.push({ topic: prompt.topic, talkedAt: day(month, 3) }); // they talked about the suggestion
          if (next() < 0.4)
            talks.push({ topic: slugs[Math.floor(next() * slugs.length)]!, talkedAt: day(month, 20) });
          return talks;
        },
        seed,
      );
      expectNeverStale(run);
    },
  );

  it("for a family who talks about every topic but one each month: that one comes back, with a new starter each time", () => {
    const [left, ...others] = TOPICS.map((t) => t.slug);
    const run = simulate("11-13", (month) =>
      others.map((topic, i) => ({ topic: topic!, talkedAt: day(month, 2 + i) })),
    );
    expectNeverStale(run);
    // The topic they never raise is suggested most months, but never with a starter used this year.
    expect(run.past.filter((p) => p.topic === left).length).toBeGreaterThan(6);
  });

  it(`for a family who talks about every other topic until the one left has used up its starters, then stops: it still comes back within ${WINDOW} months`, () => {
    // The one left is suggested every month until no starter of its guide is free this year, while the
    // others were each covered just before it; it then waits for its starters and for the older topics.
    const [left, ...others] = TOPICS.map((t) => t.slug);
    const starters = findGuide("14-17", left!)!.starters.length;
    const talking = new Set(months("2026-12", starters - 1));
    const run = simulate("14-17", (month) =>
      talking.has(month) ? others.map((topic, i) => ({ topic: topic!, talkedAt: day(month, 2 + i) })) : [],
    );
    expectNeverStale(run);
    expect(run.past.slice(0, starters).every((p) => p.topic === left)).toBe(true);
    expect(run.past[starters]!.topic).not.toBe(left);
  });

  it("a talk logged on a topic sends it to the back of the queue", () => {
    const month = "2026-12";
    const first = chooseMonthlyPrompt({ ageGroup: "8-10", month, past: [], talks: [] });
    const talkedFirst = chooseMonthlyPrompt({
      ageGroup: "8-10",
      month,
      past: [],
      talks: [{ topic: first.topic, talkedAt: new Date("2026-11-20T18:00:00Z") }],
    });
    expect(talkedFirst.topic).not.toBe(first.topic);
    expect(talkedFirst.topic).toBe(TOPICS[1]!.slug);
  });

  it("a child who moves up an age group gets the new group's guides from that month", () => {
    const child = { ageGroup: null, birthYear: 2019, birthMonth: 3 }; // 8 in March 2027
    const run = simulate(
      (month) => ageGroupOn(child, new Date(`${month}-15T12:00:00Z`)),
      () => [],
    );
    expectNeverStale(run);
    for (const prompt of run.past) {
      const group = prompt.month < "2027-03" ? "4-7" : "8-10";
      expect(findGuide(group, prompt.topic!)!.starters, prompt.month).toContain(prompt.starter);
    }
  });

  it("counts the topics talked about in the last 12 months", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const talks = [
      { topic: TOPICS[0]!.slug, talkedAt: new Date("2026-11-01T00:00:00Z") },
      { topic: TOPICS[0]!.slug, talkedAt: new Date("2026-10-01T00:00:00Z") },
      { topic: TOPICS[1]!.slug, talkedAt: new Date("2025-06-01T00:00:00Z") }, // over a year ago
      { topic: TOPICS[2]!.slug, talkedAt: new Date("2026-01-15T00:00:00Z") },
    ];
    expect(topicsTalkedAbout(talks, now)).toEqual([TOPICS[0]!.slug, TOPICS[2]!.slug]);
  });
});
