import { describe, expect, it } from "vitest";
import {
  dayInMonth,
  localMonthOf,
  nextOccurrence,
  occurrenceInMonth,
  type Schedule,
} from "@/lib/reminders/recurrence";

const at = (iso: string) => new Date(iso);

describe("the monthly recurrence engine", () => {
  it("finds the next day-of-month occurrence in the plan's own time zone", () => {
    const plan: Schedule = { rule: { kind: "day", day: 15 }, time: "19:30", timeZone: "Europe/London" };
    expect(nextOccurrence(plan, at("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-15T19:30:00.000Z");
    expect(nextOccurrence(plan, at("2026-07-01T00:00:00Z")).toISOString()).toBe("2026-07-15T18:30:00.000Z");
    // Exactly at the occurrence: the next one is a month later.
    expect(nextOccurrence(plan, at("2026-01-15T19:30:00Z")).toISOString()).toBe("2026-02-15T19:30:00.000Z");
  });

  it("handles the last day of the month, leap years included", () => {
    const plan: Schedule = { rule: { kind: "lastDay" }, time: "08:00", timeZone: "UTC" };
    expect(nextOccurrence(plan, at("2028-02-01T00:00:00Z")).toISOString()).toBe("2028-02-29T08:00:00.000Z");
    expect(nextOccurrence(plan, at("2027-02-01T00:00:00Z")).toISOString()).toBe("2027-02-28T08:00:00.000Z");
    expect(nextOccurrence(plan, at("2027-04-30T09:00:00Z")).toISOString()).toBe("2027-05-31T08:00:00.000Z");
  });

  it("finds the nth and last weekday", () => {
    // November 2026 starts on a Sunday.
    expect(dayInMonth({ kind: "weekday", nth: 1, weekday: 7 }, 2026, 11)).toBe(1);
    expect(dayInMonth({ kind: "weekday", nth: 1, weekday: 1 }, 2026, 11)).toBe(2);
    expect(dayInMonth({ kind: "weekday", nth: 4, weekday: 4 }, 2026, 11)).toBe(26);
    expect(dayInMonth({ kind: "weekday", nth: -1, weekday: 5 }, 2026, 11)).toBe(27);
    expect(dayInMonth({ kind: "weekday", nth: -1, weekday: 1 }, 2026, 11)).toBe(30);
  });

  it("moves a time that does not exist (clocks forward) to the first valid minute", () => {
    // Europe/London, 29 March 2026: 01:00 GMT becomes 02:00 BST.
    const plan: Schedule = {
      rule: { kind: "weekday", nth: -1, weekday: 7 },
      time: "01:30",
      timeZone: "Europe/London",
    };
    expect(occurrenceInMonth(plan, 2026, 3).toISOString()).toBe("2026-03-29T01:00:00.000Z"); // 02:00 BST
    const ny: Schedule = {
      rule: { kind: "weekday", nth: 2, weekday: 7 },
      time: "02:15",
      timeZone: "America/New_York",
    };
    expect(occurrenceInMonth(ny, 2026, 3).toISOString()).toBe("2026-03-08T07:00:00.000Z"); // 03:00 EDT
  });

  it("uses the first of a time that happens twice (clocks back)", () => {
    // Europe/London, 25 October 2026: 01:30 happens in BST, then again in GMT.
    const plan: Schedule = {
      rule: { kind: "weekday", nth: -1, weekday: 7 },
      time: "01:30",
      timeZone: "Europe/London",
    };
    expect(occurrenceInMonth(plan, 2026, 10).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("works in zones with odd offsets and the southern hemisphere", () => {
    const kolkata: Schedule = { rule: { kind: "day", day: 1 }, time: "09:00", timeZone: "Asia/Kolkata" };
    expect(occurrenceInMonth(kolkata, 2026, 6).toISOString()).toBe("2026-06-01T03:30:00.000Z");
    const chatham: Schedule = { rule: { kind: "day", day: 1 }, time: "09:00", timeZone: "Pacific/Chatham" };
    expect(occurrenceInMonth(chatham, 2026, 1).toISOString()).toBe("2025-12-31T19:15:00.000Z"); // +13:45
    const sydney: Schedule = { rule: { kind: "day", day: 1 }, time: "09:00", timeZone: "Australia/Sydney" };
    expect(occurrenceInMonth(sydney, 2026, 1).toISOString()).toBe("2025-12-31T22:00:00.000Z"); // +11
    expect(occurrenceInMonth(sydney, 2026, 7).toISOString()).toBe("2026-06-30T23:00:00.000Z"); // +10
  });

  it("names the local month of an instant", () => {
    expect(localMonthOf(at("2025-12-31T22:00:00Z"), "Australia/Sydney")).toBe("2026-01");
    expect(localMonthOf(at("2025-12-31T22:00:00Z"), "Europe/London")).toBe("2025-12");
  });

  it("rejects an unknown time zone or a malformed time", () => {
    expect(() =>
      nextOccurrence({ rule: { kind: "lastDay" }, time: "09:00", timeZone: "Mars/Olympus" }, new Date()),
    ).toThrow(/Unknown time zone/);
    expect(() =>
      nextOccurrence({ rule: { kind: "lastDay" }, time: "9am", timeZone: "UTC" }, new Date()),
    ).toThrow(/HH:MM/);
  });
});
