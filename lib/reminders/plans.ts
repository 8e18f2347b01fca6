// Check-in plans as stored, and as the recurrence engine reads them.
import type { CheckInPlan } from "@/prisma/generated/client";
import { nextOccurrence, type MonthlyRule, type Schedule, type Weekday } from "@/lib/reminders/recurrence";

export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;
export const NTHS = [
  { value: 1, label: "first" },
  { value: 2, label: "second" },
  { value: 3, label: "third" },
  { value: 4, label: "fourth" },
  { value: -1, label: "last" },
] as const;

type StoredRule = Pick<CheckInPlan, "ruleKind" | "dayOfMonth" | "nth" | "weekday" | "localTime" | "timeZone">;

export function scheduleOf(plan: StoredRule): Schedule {
  return { rule: ruleOf(plan), time: plan.localTime, timeZone: plan.timeZone };
}

export function ruleOf(plan: Pick<CheckInPlan, "ruleKind" | "dayOfMonth" | "nth" | "weekday">): MonthlyRule {
  if (plan.ruleKind === "DAY_OF_MONTH") return { kind: "day", day: plan.dayOfMonth ?? 1 };
  if (plan.ruleKind === "LAST_DAY") return { kind: "lastDay" };
  return {
    kind: "weekday",
    nth: (plan.nth ?? 1) as 1 | 2 | 3 | 4 | -1,
    weekday: (plan.weekday ?? 1) as Weekday,
  };
}

export function nextDueAfter(plan: StoredRule, after: Date): Date {
  return nextOccurrence(scheduleOf(plan), after);
}

/** "On the 15th", "On the last day", "On the first Sunday", for the account page. */
export function describeRule(rule: MonthlyRule): string {
  if (rule.kind === "lastDay") return "on the last day of each month";
  if (rule.kind === "day") return `on the ${ordinal(rule.day)} of each month`;
  const nth = NTHS.find((n) => n.value === rule.nth)!.label;
  return `on the ${nth} ${WEEKDAYS[rule.weekday - 1]} of each month`;
}

export function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? "th"
      : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

// Making an Intl.DateTimeFormat is slow (tens of microseconds, more than formatting with it), and
// account pages and reminder emails format many dates in a handful of zones: keep each one made.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "moment" | "day", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? ""}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      "en-GB",
      kind === "moment"
        ? {
            weekday: "long",
            day: "numeric",
            month: "long",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            timeZone,
            timeZoneName: "short",
          }
        : { day: "numeric", month: "long", year: "numeric", timeZone },
    );
    if (formatters.size >= 1000) formatters.clear(); // zones are a few hundred at most
    formatters.set(key, made);
  }
  return made;
}

/** A due moment as the parent reads it, in the plan's own time zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  return formatter("moment", timeZone).format(instant);
}

/** A day as "3 March 2026", in `timeZone` (the server's when not given). */
export function formatDay(instant: Date, timeZone?: string): string {
  return formatter("day", timeZone).format(instant);
}
