// What a school sees, as published snapshots with calibrated noise: the guarantee that no published
// figure tells whether one family is in the school's history, checked exactly (not by sampling) over
// random histories; the noise drawn matches the distribution the guarantee is computed for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geometricNoise, noiseWithin, noisyCount, publishedProbability } from "@/lib/schools/noise";
import {
  activeFamilies,
  ENOUGH_SIGN_UPS,
  EPSILON_PER_FIGURE,
  nextFigures,
  signUpsIn,
  talkedFamilies,
  type SchoolRecords,
} from "@/lib/schools/school-snapshots";
import { previousTerm, termOf, termRange, type Term } from "@/lib/schools/school-terms";

const NOW = new Date("2026-12-06T12:00:00Z");
const TERM = termOf(NOW);
const LAST = previousTerm(TERM);

/** One family's whole history with a school. */
type Family = {
  signedUp: Term[];
  counted: boolean;
  children: { active: boolean; talks: Date[] }[];
};

const instantIn = (term: Term) => {
  const { from, to } = termRange(term);
  return fc.integer({ min: from.getTime(), max: to.getTime() - 1 }).map((t) => new Date(t));
};
const family: fc.Arbitrary<Family> = fc.record({
  // A family signs up once a term (SchoolSignUpFamily), whatever it adds or removes.
  signedUp: fc.uniqueArray(fc.constantFrom(TERM, LAST), { maxLength: 2 }),
  counted: fc.boolean(),
  children: fc.array(
    fc.record({
      active: fc.boolean(),
      talks: fc.array(fc.oneof(instantIn(TERM), instantIn(LAST)), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** What the database holds for these families: the anonymous counter, and the counted families. */
function recordsOf(families: Family[]): SchoolRecords {
  const counter = new Map<string, number>();
  for (const { signedUp } of families)
    for (const term of signedUp) counter.set(term, (counter.get(term) ?? 0) + 1);
  return {
    signUps: [...counter].map(([term, count]) => ({ term, count })),
    counted: families.filter((f) => f.counted).map((f) => ({ children: f.children })),
  };
}

/** Every figure a snapshot publishes, as true counts before noise. */
function trueFigures(records: SchoolRecords): Record<string, number> {
  return {
    signUpsThisTerm: signUpsIn(records, TERM),
    signUpsEndedTerm: signUpsIn(records, LAST),
    activeAtTermEnd: activeFamilies(records),
    talkedInEndedTerm: talkedFamilies(records, LAST),
  };
}

/** The largest factor by which any possible published figure's probability differs between two histories. */
function worstRatio(a: number, b: number, epsilon: number): number {
  let worst = 1;
  for (let shown = 0; shown <= Math.max(a, b) + 60; shown += 1) {
    const [p, q] = [publishedProbability(shown, a, epsilon), publishedProbability(shown, b, epsilon)];
    worst = Math.max(worst, p / q, q / p);
  }
  return worst;
}

describe("a school's published figures", () => {
  it("change the probability of every possible figure by at most e^ε when one family is added or removed", () => {
    fc.assert(
      fc.property(fc.array(family, { maxLength: 25 }), family, (others, one) => {
        const without = trueFigures(recordsOf(others));
        const withFamily = trueFigures(recordsOf([...others, one]));
        for (const name of Object.keys(without)) {
          const ratio = worstRatio(withFamily[name]!, without[name]!, EPSILON_PER_FIGURE);
          expect(ratio, name).toBeLessThanOrEqual(Math.exp(EPSILON_PER_FIGURE) * (1 + 1e-9));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("would not hold if one family could move a figure by 2: the check is able to fail", () => {
    expect(worstRatio(3, 1, EPSILON_PER_FIGURE)).toBeGreaterThan(Math.exp(EPSILON_PER_FIGURE) * 1.01);
  });

  it("count a family once in each figure, whatever it has: several children, talks and both terms", () => {
    const busy: Family = {
      signedUp: [TERM, LAST],
      counted: true,
      children: Array.from({ length: 4 }, () => ({
        active: true,
        talks: [new Date("2026-10-01T10:00:00Z"), new Date("2026-07-01T10:00:00Z")],
      })),
    };
    for (const figure of Object.values(trueFigures(recordsOf([busy])))) expect(figure).toBe(1);
  });

  it("draw noise with the distribution the guarantee is computed for", () => {
    // A fixed pseudo-random source, so that this check is the same on every run.
    let seed = 42;
    const uniform = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed + 1) / 2 ** 32;
    };
    const draws = 200_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i += 1) {
      const shown = noisyCount(10, EPSILON_PER_FIGURE, uniform);
      seen.set(shown, (seen.get(shown) ?? 0) + 1);
    }
    for (let shown = 0; shown <= 20; shown += 1) {
      const expected = publishedProbability(shown, 10, EPSILON_PER_FIGURE) * draws;
      expect(Math.abs((seen.get(shown) ?? 0) - expected), `shown ${shown}`).toBeLessThan(
        5 * Math.sqrt(expected) + 5,
      );
    }
  });

  it("sum to 1 over every possible figure, also for a true count of 0 (never shown below 0)", () => {
    for (const count of [0, 1, 7]) {
      let sum = 0;
      for (let shown = 0; shown < 400; shown += 1)
        sum += publishedProbability(shown, count, EPSILON_PER_FIGURE);
      expect(sum).toBeCloseTo(1, 9);
    }
    expect(noiseWithin(EPSILON_PER_FIGURE, 0.9)).toBe(5);
    expect(() => geometricNoise(0)).toThrow(/epsilon/);
  });

  it("draw an ended term's figures once, then copy them into every later snapshot", () => {
    const records = recordsOf([]);
    const first = nextFigures(records, null, NOW);
    expect(first.ended?.term).toBe(LAST);
    const again = nextFigures(records, first, new Date("2026-12-20T12:00:00Z"));
    expect(again.ended).toBe(first.ended);
    // A new term: the term that has just ended is drawn afresh.
    const spring = nextFigures(records, again, new Date("2027-01-02T12:00:00Z"));
    expect(spring.ended?.term).toBe("2026-autumn");
  });

  it("seldom show a school with no families any figure: a made-up 5 is 1 chance in 10 or less", () => {
    // Either published sign-up figure (this term, the ended one) of a school with none reaches 5 by noise.
    let under = 0;
    for (let shown = 0; shown < ENOUGH_SIGN_UPS; shown += 1)
      under += publishedProbability(shown, 0, EPSILON_PER_FIGURE);
    expect(1 - under ** 2).toBeLessThan(0.1);
  });

  it("show figures once the published sign-ups reach 5, and keep showing them after", () => {
    const zero = () => 0.5; // no noise: geometric draws of 0
    const few = recordsOf(
      Array.from({ length: 4 }, () => ({
        signedUp: [TERM],
        counted: false,
        children: [],
      })),
    );
    expect(nextFigures(few, null, NOW, zero).enough).toBe(false);
    const six = recordsOf(
      Array.from({ length: 6 }, () => ({
        signedUp: [TERM],
        counted: false,
        children: [],
      })),
    );
    const shown = nextFigures(six, null, NOW, zero);
    expect(shown.enough).toBe(true);
    expect(six.signUps.length).toBe(1);
    expect(shown.signUps).toBe(6);
    expect(nextFigures(recordsOf([]), shown, new Date("2027-01-02T12:00:00Z"), zero).enough).toBe(true);
  });
});
