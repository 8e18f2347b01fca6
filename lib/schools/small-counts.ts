// How a school sees its reach without ever seeing a family: every count from 1 to 4 is shown as
// "fewer than 5", in every view and every export, and no figure shown lets one be worked out.
//
// A row is one measure (sign-ups this term, families with an active check-in, …) per age group, with
// its total. The total is the sum of the age groups, so showing it beside one "fewer than 5" would give
// that count away (total minus the others), and beside several would give their sum (two cells adding
// up to 2 are both 1). So whenever an age group's count is small, the total is not shown either, and
// a row whose total is itself small shows only "fewer than 5" (the property test found that one). No row
// is the sum of other rows, so no other arithmetic across the view recovers a hidden figure (the
// property test in tests/unit/schools/small-counts.test.ts tries every way of filling the hidden cells).
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";

export const SMALLEST_SHOWN = 5;

export type Shown =
  | { kind: "count"; value: number }
  | { kind: "fewer-than-5" }
  /** A figure about activity (check-ins logged) from fewer than 5 families: not shown at all. */
  | { kind: "few-families" }
  | { kind: "not-shown" };

export type ShownRow = { byAge: Record<AgeGroupSlug, Shown>; total: Shown };

const small = (value: number) => value >= 1 && value < SMALLEST_SHOWN;

/** What a row shows: its counts, "fewer than 5" for small ones, and the total only when it gives nothing away. */
export function showRow(counts: Record<AgeGroupSlug, number>): ShownRow {
  const byAge = {} as Record<AgeGroupSlug, Shown>;
  let anySmall = false;
  let total = 0;
  for (const group of AGE_GROUPS) {
    const value = counts[group.slug] ?? 0;
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`a count must be a whole number, not ${value}`);
    total += value;
    if (small(value)) anySmall = true;
    byAge[group.slug] = small(value) ? { kind: "fewer-than-5" } : { kind: "count", value };
  }
  // A small total says the age groups add up to 4 at most: four "fewer than 5" beside it would each be
  // 1. So a row whose total is small shows that, and no breakdown.
  if (small(total)) {
    for (const group of AGE_GROUPS) byAge[group.slug] = { kind: "not-shown" };
    return { byAge, total: { kind: "fewer-than-5" } };
  }
  return { byAge, total: anySmall ? { kind: "not-shown" } : { kind: "count", value: total } };
}

/**
 * A row of activity (check-ins logged), which one busy family could fill alone: a cell is shown only
 * when at least 5 families contributed to it, and by the same rule as showRow applied to those
 * families, so that the total never gives a hidden cell away. `families` counts the families behind
 * each age group's figure.
 */
export function showActivityRow(
  counts: Record<AgeGroupSlug, number>,
  families: Record<AgeGroupSlug, number>,
): ShownRow {
  const byFamilies = showRow(families);
  const byAge = {} as Record<AgeGroupSlug, Shown>;
  let total = 0;
  for (const group of AGE_GROUPS) {
    const value = counts[group.slug] ?? 0;
    total += value;
    const who = byFamilies.byAge[group.slug];
    byAge[group.slug] =
      who.kind === "count"
        ? { kind: "count", value: who.value === 0 ? 0 : value }
        : who.kind === "fewer-than-5"
          ? { kind: "few-families" }
          : who;
  }
  const whoTotal = byFamilies.total;
  return {
    byAge,
    total:
      whoTotal.kind === "count"
        ? { kind: "count", value: total }
        : whoTotal.kind === "fewer-than-5"
          ? { kind: "few-families" }
          : whoTotal,
  };
}

/**
 * What every row shows while a school has had fewer than 5 sign-ups in all: nothing but "fewer than 5"
 * for the row (so a code handed to one family never tells whether they signed up, or anything after).
 */
export function showRowTooFewYet(): ShownRow {
  const byAge = Object.fromEntries(AGE_GROUPS.map((group) => [group.slug, { kind: "not-shown" }])) as Record<
    AgeGroupSlug,
    Shown
  >;
  return { byAge, total: { kind: "fewer-than-5" } };
}

/** The words for a shown figure, the same on the page and in the CSV. */
export function label(shown: Shown): string {
  if (shown.kind === "count") return String(shown.value);
  if (shown.kind === "few-families") return "fewer than 5 families";
  return shown.kind === "fewer-than-5" ? "fewer than 5" : "not shown";
}

/** A CSV of named rows (RFC 4180): measure, one column per age group, total. */
export function countsCsv(rows: { measure: string; shown: ShownRow }[]): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = ["measure", ...AGE_GROUPS.map((group) => `ages ${group.slug}`), "total"];
  const lines = rows.map(({ measure, shown }) =>
    [measure, ...AGE_GROUPS.map((group) => label(shown.byAge[group.slug])), label(shown.total)]
      .map(cell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
