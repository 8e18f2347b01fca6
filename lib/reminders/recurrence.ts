// The monthly recurrence engine: given a plan's rule, local time and IANA time zone, the next
// check-in as a UTC instant. Offsets come from the platform's time-zone data through Luxon.
// A local time that does not exist (clocks go forward) moves to the first valid minute after it;
// one that happens twice (clocks go back) uses the first.
import { IANAZone } from "luxon";

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: Monday is 1, Sunday is 7
export type MonthlyRule =
  | { kind: "day"; day: number } // 1 to 28
  | { kind: "lastDay" }
  | { kind: "weekday"; nth: 1 | 2 | 3 | 4 | -1; weekday: Weekday }; // -1 is "last"

export type Schedule = { rule: MonthlyRule; time: string; timeZone: string };

/** The first occurrence strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const zone = zoneOf(schedule.timeZone);
  const local = new Date(after.getTime() + zone.offset(after.getTime()) * 60_000);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth() + 1;
  for (let i = 0; i < 3; i += 1) {
    const occurrence = occurrenceInMonth(schedule, year, month);
    if (occurrence.getTime() > after.getTime()) return occurrence;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  throw new Error("unreachable: a monthly rule occurs in every month");
}

/** The occurrence in the given local month (month 1 to 12). */
export function occurrenceInMonth(schedule: Schedule, year: number, month: number): Date {
  const day = dayInMonth(schedule.rule, year, month);
  const [hour, minute] = parseTime(schedule.time);
  return localToInstant(zoneOf(schedule.timeZone), year, month, day, hour, minute);
}

/** The local calendar month ("2026-12") an instant falls in, in `timeZone`. */
export function localMonthOf(instant: Date, timeZone: string): string {
  const zone = zoneOf(timeZone);
  const local = new Date(instant.getTime() + zone.offset(instant.getTime()) * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function dayInMonth(rule: MonthlyRule, year: number, month: number): number {
  const days = daysIn(year, month);
  if (rule.kind === "day") return rule.day;
  if (rule.kind === "lastDay") return days;
  // ISO weekday of the 1st: getUTCDay is 0 for Sunday.
  const firstWeekday = ((new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7) + 1;
  const firstMatch = 1 + ((rule.weekday - firstWeekday + 7) % 7);
  if (rule.nth > 0) return firstMatch + (rule.nth - 1) * 7;
  return firstMatch + Math.floor((days - firstMatch) / 7) * 7;
}

const validZones = new Set<string>();

/** True for an IANA zone name this runtime knows. Valid names are remembered (a bounded set). */
export function isValidTimeZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  if (!IANAZone.isValidZone(timeZone)) return false;
  // Names are matched ignoring case, so "valid" names are endless: keep at most a thousand.
  if (validZones.size >= 1000) validZones.clear();
  validZones.add(timeZone);
  return true;
}

function zoneOf(timeZone: string): IANAZone {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return IANAZone.create(timeZone);
}

function parseTime(time: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a local time (HH:MM): ${time}`);
  return [Number(match[1]), Number(match[2])];
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant when the wall clock in `zone` shows the given local time. Of two such instants
 * (clocks going back) the earlier; if there is none (clocks going forward), the first minute after
 * it that exists.
 */
function localToInstant(
  zone: IANAZone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  for (let shift = 0; shift <= 36 * 60; shift += 1) {
    const wallShifted = wall + shift * 60_000;
    const candidates = new Set<number>();
    for (const probe of [-36, -12, -3, 0, 3, 12, 36]) {
      const offset = zone.offset(wallShifted + probe * 3_600_000);
      const instant = wallShifted - offset * 60_000;
      if (zone.offset(instant) === offset) candidates.add(instant);
    }
    if (candidates.size) return new Date(Math.min(...candidates));
  }
  throw new Error(`No valid local time near ${year}-${month}-${day} ${hour}:${minute} in ${zone.name}`);
}
