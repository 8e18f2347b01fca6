// A school sees numbers, never a family: counts from 1 to 4 read "fewer than 5" everywhere, and no
// figure shown lets one be worked out. A property test on random data tries every way of filling in
// what is hidden that agrees with what is shown, and checks that each hidden count could still be
// more than one value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { countsCsv, label, showActivityRow, showRow, type ShownRow } from "@/lib/schools/small-counts";

const slugs = AGE_GROUPS.map((group) => group.slug);
const row = (values: number[]) =>
  Object.fromEntries(slugs.map((slug, i) => [slug, values[i]!])) as Record<AgeGroupSlug, number>;

/** Every assignment of the age groups' counts that agrees with what a row shows (counts up to `max`). */
function consistent(shown: ShownRow): number[][] {
  // A hidden age count is at most the total: 4 when the total is "fewer than 5" (only then is one hidden).
  const max = shown.total.kind === "fewer-than-5" ? 4 : 40;
  const options = slugs.map((slug) => {
    const cell = shown.byAge[slug];
    if (cell.kind === "count") return [cell.value];
    if (cell.kind === "fewer-than-5") return [1, 2, 3, 4];
    return Array.from({ length: max + 1 }, (_, i) => i);
  });
  const all: number[][] = [];
  const walk = (i: number, chosen: number[]) => {
    if (i === options.length) {
      const sum = chosen.reduce((a, b) => a + b, 0);
      const total = shown.total;
      if (total.kind === "count" && sum !== total.value) return;
      if (total.kind === "fewer-than-5" && (sum < 1 || sum > 4)) return;
      all.push(chosen);
      return;
    }
    for (const value of options[i]!) walk(i + 1, [...chosen, value]);
  };
  walk(0, []);
  return all;
}

// Small counts are the interesting ones: most values 0 to 6, some larger.
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
);

describe("a school's counts", () => {
  it("show no figure from 1 to 4, and no hidden count can be worked out from the rest (random data)", () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 4, maxLength: 4 }), (values) => {
        const shown = showRow(row(values));
        const figures = [...slugs.map((slug) => shown.byAge[slug]), shown.total];
        for (const figure of figures)
          if (figure.kind === "count") expect(figure.value === 0 || figure.value >= 5).toBe(true);
        const csv = countsCsv([{ measure: "m", shown }])
          .split("\r\n")[1]!
          .split(",")
          .slice(1);
        for (const cell of csv) expect(["1", "2", "3", "4"]).not.toContain(cell);

        const worlds = consistent(shown);
        expect(worlds).toContainEqual(values); // what is shown is true
        slugs.forEach((slug, i) => {
          if (shown.byAge[slug].kind !== "count") {
            expect(new Set(worlds.map((world) => world[i])).size, `${slug} of ${values}`).toBeGreaterThan(1);
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("shows the total when nothing is small, and hides it when it would give a small count away", () => {
    const plain = showRow(row([12, 0, 7, 30]));
    expect(slugs.map((slug) => label(plain.byAge[slug]))).toEqual(["12", "0", "7", "30"]);
    expect(label(plain.total)).toBe("49");
    // 23 in total and three shown would make the fourth 3: the total is not shown.
    const one = showRow(row([12, 3, 8, 0]));
    expect(label(one.byAge["8-10"])).toBe("fewer than 5");
    expect(label(one.total)).toBe("not shown");
    // A small total: only that. Four "fewer than 5" beside "fewer than 5" would each be 1.
    const tiny = showRow(row([1, 1, 1, 1]));
    expect(label(tiny.total)).toBe("fewer than 5");
    expect(slugs.map((slug) => label(tiny.byAge[slug]))).toEqual(Array(4).fill("not shown"));
    expect(() => showRow(row([1.5, 0, 0, 0]))).toThrow(/whole number/);
  });

  it("exports the same words as a CSV (RFC 4180)", () => {
    const csv = countsCsv([
      { measure: "Sign-ups, autumn term", shown: showRow(row([6, 2, 0, 9])) },
      { measure: 'Families "counted"', shown: showRow(row([0, 0, 0, 0])) },
    ]);
    expect(csv).toBe(
      [
        "measure,ages 4-7,ages 8-10,ages 11-13,ages 14-17,total",
        '"Sign-ups, autumn term",6,fewer than 5,0,9,not shown',
        '"Families ""counted""",0,0,0,0,0',
        "",
      ].join("\r\n"),
    );
  });

  it("show check-ins only where 5 families or more logged them, and a total only when no cell is hidden (random data)", () => {
    // Each family logs 1 to 30 check-ins: a cell's count is at least its number of families.
    const cellData = fc.tuple(
      fc.integer({ min: 0, max: 7 }),
      fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 7 }),
    );
    fc.assert(
      fc.property(fc.array(cellData, { minLength: 4, maxLength: 4 }), (cells) => {
        const families = row(cells.map(([f]) => f));
        const counts = row(cells.map(([f, extra]) => f + extra.slice(0, f).reduce((a, b) => a + b, 0)));
        const shown = showActivityRow(counts, families);
        slugs.forEach((slug, i) => {
          const cell = shown.byAge[slug];
          if (cell.kind === "count" && cell.value > 0) expect(cells[i]![0]).toBeGreaterThanOrEqual(5);
          if (cells[i]![0] >= 1 && cells[i]![0] < 5) expect(cell.kind).not.toBe("count");
        });
        const anyHidden = slugs.some((slug) => shown.byAge[slug].kind !== "count");
        if (shown.total.kind === "count") {
          expect(anyHidden).toBe(false);
          expect(shown.total.value).toBe(slugs.reduce((sum, slug) => sum + counts[slug], 0));
        }
      }),
      { numRuns: 2000 },
    );
    // One family who talked 12 times is not a figure.
    const busy = showActivityRow(row([0, 12, 0, 0]), row([0, 1, 0, 0]));
    expect(label(busy.total)).toBe("fewer than 5 families");
    expect(slugs.map((slug) => label(busy.byAge[slug]))).toEqual(Array(4).fill("not shown"));
    const many = showActivityRow(row([0, 40, 9, 0]), row([0, 6, 2, 0]));
    expect(slugs.map((slug) => label(many.byAge[slug]))).toEqual(["0", "40", "fewer than 5 families", "0"]);
    expect(label(many.total)).toBe("not shown");
  });
});
