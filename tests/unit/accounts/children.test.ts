import { describe, expect, it } from "vitest";
import { ageGroupOn, ageOn, suggestedTopic } from "@/lib/accounts/children";

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

describe("the suggested topic", () => {
  it("is one never talked about first, in the guides' order", () => {
    expect(suggestedTopic([])).toBe("healthy-relationships");
    expect(suggestedTopic([{ topic: "healthy-relationships", talkedAt: new Date("2026-01-01") }])).toBe(
      "fake-identities",
    );
  });

  it("is the least recently talked about when all have been covered", () => {
    const checkIns = [
      { topic: "healthy-relationships", talkedAt: new Date("2026-03-01") },
      { topic: "fake-identities", talkedAt: new Date("2026-01-01") },
      { topic: "live-streaming", talkedAt: new Date("2026-02-01") },
      { topic: "fake-identities", talkedAt: new Date("2025-06-01") },
    ];
    expect(suggestedTopic(checkIns)).toBe("fake-identities");
  });
});
