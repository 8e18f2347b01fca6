// School terms in England, as a school's counts use them: autumn (September to December), spring
// (January to March) and summer (April to August), each starting at midnight in London. Real term
// dates vary by a week or two between schools and years; a count per term only needs the season.
import { DateTime } from "luxon";

export type Season = "spring" | "summer" | "autumn";
/** "2026-autumn": the year the term is in and its season. */
export type Term = `${number}-${Season}`;

const LONDON = "Europe/London";
const FIRST_MONTH: Record<Season, number> = { spring: 1, summer: 4, autumn: 9 };
const ORDER: Season[] = ["spring", "summer", "autumn"];

/** The term an instant falls in, by the date in London. */
export function termOf(instant: Date): Term {
  const { year, month } = DateTime.fromJSDate(instant, { zone: LONDON });
  const season: Season = month >= 9 ? "autumn" : month >= 4 ? "summer" : "spring";
  return `${year}-${season}`;
}

function parse(term: Term): { year: number; season: Season } {
  const [year, season] = term.split("-") as [string, Season];
  return { year: Number(year), season };
}

/** The term before this one (spring's is the autumn of the year before). */
export function previousTerm(term: Term): Term {
  const { year, season } = parse(term);
  const index = ORDER.indexOf(season);
  return index === 0 ? `${year - 1}-autumn` : `${year}-${ORDER[index - 1]!}`;
}

/** When the term starts and when the next one starts (London midnight, as instants). */
export function termRange(term: Term): { from: Date; to: Date } {
  const { year, season } = parse(term);
  const index = ORDER.indexOf(season);
  const next: { year: number; season: Season } =
    index === ORDER.length - 1 ? { year: year + 1, season: "spring" } : { year, season: ORDER[index + 1]! };
  return { from: startOf(year, season), to: startOf(next.year, next.season) };
}

function startOf(year: number, season: Season): Date {
  return DateTime.fromObject({ year, month: FIRST_MONTH[season], day: 1 }, { zone: LONDON }).toJSDate();
}

/** "Autumn term 2026". */
export function termLabel(term: Term): string {
  const { year, season } = parse(term);
  return `${season[0]!.toUpperCase()}${season.slice(1)} term ${year}`;
}
