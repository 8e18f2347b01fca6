import { describe, expect, it } from "vitest";
import { childTopics } from "@/lib/accounts/children";
import { ageGroupOn, ageOn } from "@/lib/guides/age-groups";
import { TOPICS } from "@/lib/guides/taxonomy";

describe("a child's age group", () => {
  it("advances by itself across a birthday when a birth month and year are given", () => {
    const child = { ageGroup: null, birthYear: 2018, birthMonth: 6 };
    expect(ageOn(2018, 6, new Date("2026-05-31T23:00:00Z"))).toBe(7);
    expect(ageGroupOn(child, new Date("2026-05-31T23:00:00Z"))).toBe("4-7");
    expect(ageGroupOn(child, new Date("2026-06-01T00:00:00Z"))).toBe("8-10");
    expect(ageGroupOn(child, new Date("2029-06-01T00:00:00Z"))).toBe("11-13");
    expect(ageGroupOn(child, new Date("2032-06-01T00:00:00Z"))).toBe("14-17");
  });

  it("stays in the youngest or oldest group outside 4 to 17", () => {
    expect(ageGroupOn({ ageGroup: null, birthYear: 2024, birthMonth: 1 }, new Date("2026-11-29"))).toBe(
      "4-7",
    );
    expect(ageGroupOn({ ageGroup: null, birthYear: 2008, birthMonth: 1 }, new Date("2026-11-29"))).toBe(
      "14-17",
    );
  });

  it("uses the stored age group when no birth date is given", () => {
    expect(ageGroupOn({ ageGroup: "11-13", birthYear: null, birthMonth: null }, new Date())).toBe("11-13");
  });
});

describe("a child's topics on the account page", () => {
  const talk = (topic: string, date: string) => ({ topic, talkedAt: new Date(date) });
  const child = { ageGroup: "8-10", birthYear: null, birthMonth: null };

  it("counts the topics talked about in the last 12 months, of every topic there is", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    const topics = childTopics(
      {
        ...child,
        plan: null,
        checkIns: [
          talk("online-games", "2026-11-01"),
          talk("online-games", "2026-06-01"),
          talk("live-streaming", "2025-10-01"),
        ],
      },
      now,
    );
    expect(topics).toMatchObject({ talked: ["online-games"], of: TOPICS.length });
  });

  it("suggests the prompt of the next check-in's month, as its email will have it", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    const plan = { nextDueAt: new Date("2027-01-01T19:00:00Z"), timeZone: "Europe/London", deliveries: [] };
    // Nothing talked about or sent yet: the first topic; once it was December's prompt, the next one.
    expect(childTopics({ ...child, plan, checkIns: [] }, now).next).toBe("healthy-relationships");
    const sent = { month: "2026-12", topic: "healthy-relationships", starter: "x" };
    expect(childTopics({ ...child, plan: { ...plan, deliveries: [sent] }, checkIns: [] }, now).next).toBe(
      "fake-identities",
    );
  });

  it("gives this month's topic as its email gave it, once that email went", () => {
    const now = new Date("2026-12-06T20:00:00Z");
    const plan = { nextDueAt: new Date("2027-01-03T19:00:00Z"), timeZone: "Europe/London" };
    const december = { month: "2026-12", topic: "fake-identities", starter: "x" };
    const sent = childTopics(
      { ...child, plan: { ...plan, deliveries: [{ ...december, status: "SENT" }] }, checkIns: [] },
      now,
    );
    expect(sent.thisMonth).toBe("fake-identities");
    expect(sent.next).not.toBe("fake-identities");
    // Not sent (paused, failed) or another month: nothing to say for this month.
    for (const deliveries of [
      [{ ...december, status: "SKIPPED" }],
      [{ ...december, month: "2026-11", status: "SENT" }],
    ])
      expect(
        childTopics({ ...child, plan: { ...plan, deliveries }, checkIns: [] }, now).thisMonth,
      ).toBeUndefined();
  });
});
