// The recurrence engine checked against independent expansions: rrule picks the days of the month,
// and the platform's Intl time-zone formatting reads each instant back as a local date and time.
import fc from "fast-check";
import { RRule, type Weekday as RRuleWeekday } from "rrule";
import { describe, expect, it } from "vitest";
import {
  nextOccurrence,
  occurrenceInMonth,
  type MonthlyRule,
  type Schedule,
} from "@/lib/reminders/recurrence";

const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "UTC",
];
const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const ruleArb: fc.Arbitrary<MonthlyRule> = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((day) => ({ kind: "day" as const, day })),
  fc.constant({ kind: "lastDay" as const }),
  fc
    .record({ nth: fc.constantFrom(1, 2, 3, 4, -1), weekday: fc.integer({ min: 1, max: 7 }) })
    .map(({ nth, weekday }) => ({
      kind: "weekday" as const,
      nth: nth as 1 | 2 | 3 | 4 | -1,
      weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7,
    })),
);
// Times around midnight and the small hours are where clocks change.
const timeArb = fc
  .record({
    hour: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })),
    minute: fc.constantFrom(0, 15, 30, 45, 59),
  })
  .map(({ hour, minute }) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  rule: ruleArb,
  time: timeArb,
  timeZone: fc.constantFrom(...ZONES),
});

/** Days of the month the rule selects in each month of `year`, expanded by rrule (floating dates). */
function rruleDays(rule: MonthlyRule, year: number): string[] {
  const options =
    rule.kind === "day"
      ? { bymonthday: rule.day }
      : rule.kind === "lastDay"
        ? { bymonthday: -1 }
        : { byweekday: (RRULE_DAYS[rule.weekday - 1] as RRuleWeekday).nth(rule.nth) };
  return new RRule({
    freq: RRule.MONTHLY,
    dtstart: new Date(Date.UTC(year, 0, 1)),
    until: new Date(Date.UTC(year, 11, 31, 23, 59)),
    ...options,
  })
    .all()
    .map((date) => date.toISOString().slice(0, 10));
}

function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe("the recurrence engine, against rrule and Intl", () => {
  it("gives, every month, the rule's day at the chosen local time (or the first valid minute after it)", () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 1996, max: 2040 }), (schedule, year) => {
        const days = rruleDays(schedule.rule, year);
        expect(days).toHaveLength(12);
        for (let month = 1; month <= 12; month += 1) {
          const instant = occurrenceInMonth(schedule, year, month);
          const local = localParts(instant, schedule.timeZone);
          const before = localParts(new Date(instant.getTime() - 60_000), schedule.timeZone);
          if (local.time === schedule.time) {
            expect(local.date).toBe(days[month - 1]);
            // A time that happens twice: this is the first of them.
            for (const minutes of [30, 60]) {
              const earlier = localParts(new Date(instant.getTime() - minutes * 60_000), schedule.timeZone);
              expect(earlier.date === local.date && earlier.time === schedule.time).toBe(false);
            }
          } else {
            // A time that does not exist: the clocks jumped over it, and this is the first minute after.
            const wanted = `${days[month - 1]} ${schedule.time}`;
            expect(`${local.date} ${local.time}` > wanted).toBe(true);
            expect(`${before.date} ${before.time}` < wanted).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds the next occurrence strictly after any instant, with none skipped", () => {
    fc.assert(
      fc.property(
        scheduleArb,
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        (schedule, after) => {
          const next = nextOccurrence(schedule, after);
          expect(next.getTime()).toBeGreaterThan(after.getTime());
          // Between `after` and `next` there is no other occurrence: the one before `next` is not after `after`.
          const previous = nextOccurrence(schedule, new Date(next.getTime() - 40 * 86_400_000));
          const chain = previous.getTime() === next.getTime() ? previous : nextOccurrence(schedule, previous);
          expect(chain.getTime()).toBe(next.getTime());
          expect(previous.getTime() <= after.getTime() || previous.getTime() === next.getTime()).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
