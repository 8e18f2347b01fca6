// What a school's contacts see, as published snapshots: at most one a month (on the 1st, London time,
// or when a school first registers), each figure with calibrated noise drawn once when it is published
// (noise.ts) and kept, so that viewing it again, or reading it from the CSV, gives the same number.
// Between snapshots nothing a family does shows at all; at a snapshot, no figure tells whether one
// family is in it (the property test in tests/unit/schools/school-snapshots.test.ts).
//
// Each snapshot publishes:
//   - sign-ups through the school's links this term so far, per age group: a family counts once a term
//     however many children it adds (SchoolSignUpFamily), in the age group of its first child then;
//   - once a term has ended, and only then, drawn once (at the first snapshot after it) and copied into
//     every later snapshot: that term's final sign-ups, the counted families (those who chose to be
//     counted) with an active monthly check-in then, and the counted families who logged a talk in it. A family sits in one age
//     group (its youngest counted child's), so it changes one cell of each figure by at most 1.
// Totals are the sums of the published cells (arithmetic on published figures costs no privacy).
// Privacy loss: EPSILON_PER_FIGURE for each figure published; per term, README "What a school sees".
import { DateTime } from "luxon";
import type { PrismaClient } from "@/prisma/generated/client";
import { cryptoUniform, noisyCount } from "@/lib/schools/noise";
import { previousTerm, termOf, termRange, type Term } from "@/lib/schools/school-terms";

/** The privacy loss of each published figure (one family changes one cell of it by at most 1). */
export const EPSILON_PER_FIGURE = 0.5;
/**
 * Figures are shown once this term's or the ended term's published sign-ups reach this (a school with
 * no families at all reaches it by noise alone about 1 time in 10: the unit test computes it).
 */
export const ENOUGH_SIGN_UPS = 5;

export type EndedTerm = { term: Term; signUps: number; active: number; talked: number };
export type SnapshotFigures = {
  /** The term of the month it was published in. */
  term: Term;
  /** Families who signed up this term so far. */
  signUps: number;
  /** The last term, once ended: its figures, drawn once. */
  ended: EndedTerm | null;
  /** Whether published sign-ups have ever reached ENOUGH_SIGN_UPS: until then nothing is shown. */
  enough: boolean;
};
export type Snapshot = { month: string; publishedAt: Date; figures: SnapshotFigures };

/** A counted family, as the figures need it: its counted children's plans and talks. */
export type CountedFamily = { children: { active: boolean; talks: Date[] }[] };
/** What a school's true figures are computed from. */
export type SchoolRecords = {
  /** The sign-up counter: families (once a term each) per term and age group. */
  signUps: { term: string; count: number }[];
  counted: CountedFamily[];
};

/** The month a snapshot is published for, in London: "2026-12". */
export function snapshotMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: "Europe/London" }).toFormat("yyyy-MM");
}

/** Families who signed up in `term`. */
export function signUpsIn(records: SchoolRecords, term: Term): number {
  return records.signUps.reduce((sum, row) => sum + (row.term === term ? row.count : 0), 0);
}

/** Counted families with an active monthly check-in (email or calendar, not paused). */
export function activeFamilies(records: SchoolRecords): number {
  return records.counted.filter((family) => family.children.some((child) => child.active)).length;
}

/** Counted families who logged at least one talk in `term`. */
export function talkedFamilies(records: SchoolRecords, term: Term): number {
  const { from, to } = termRange(term);
  return records.counted.filter((family) =>
    family.children.some((child) => child.talks.some((at) => at >= from && at < to)),
  ).length;
}

/** A figure as published: with its own noise (a family changes it by at most 1, so its loss is ε). */
export function published(count: number, uniform: () => number = cryptoUniform): number {
  return noisyCount(count, EPSILON_PER_FIGURE, uniform);
}

/**
 * The figures to publish at `now`, given the school's records and its previous snapshot: this term's
 * sign-ups with fresh noise; the ended term's figures copied from the previous snapshot when it has
 * them, drawn once otherwise.
 */
export function nextFigures(
  records: SchoolRecords,
  previous: SnapshotFigures | null,
  now: Date,
  uniform: () => number = cryptoUniform,
): SnapshotFigures {
  const term = termOf(now);
  const lastTerm = previousTerm(term);
  const signUps = published(signUpsIn(records, term), uniform);
  const ended: EndedTerm =
    previous?.ended?.term === lastTerm
      ? previous.ended
      : {
          term: lastTerm,
          signUps: published(signUpsIn(records, lastTerm), uniform),
          active: published(activeFamilies(records), uniform),
          talked: published(talkedFamilies(records, lastTerm), uniform),
        };
  // Decided from published figures only, so deciding costs no privacy.
  const enough =
    (previous?.enough ?? false) || signUps >= ENOUGH_SIGN_UPS || ended.signUps >= ENOUGH_SIGN_UPS;
  return { term, signUps, ended, enough };
}

/**
 * Publishes this month's snapshot for every school that has none yet (run every minute by the
 * worker; a school registered today gets its first at once). Two workers at once publish one: the
 * snapshot's key is the school and month. Also forgets which families signed up in terms now over.
 */
export async function publishSchoolSnapshots(
  db: PrismaClient,
  now = new Date(),
  uniform: () => number = cryptoUniform,
): Promise<number> {
  const month = snapshotMonth(now);
  const schools = await db.school.findMany({
    where: { snapshots: { none: { month } } },
    select: { id: true },
  });
  let published = 0;
  for (const school of schools) published += await publishSnapshot(db, school.id, now, uniform);
  if (schools.length) await db.schoolSignUpFamily.deleteMany({ where: { term: { not: termOf(now) } } });
  return published;
}

/** Publishes this month's snapshot for one school: 1, or 0 when it has one already. */
export async function publishSnapshot(
  db: PrismaClient,
  schoolId: string,
  now = new Date(),
  uniform: () => number = cryptoUniform,
): Promise<number> {
  const [records, previous] = await Promise.all([schoolRecords(db, schoolId), latestSnapshot(db, schoolId)]);
  const figures = nextFigures(records, previous?.figures ?? null, now, uniform);
  const { count } = await db.schoolSnapshot.createMany({
    data: [{ schoolId, month: snapshotMonth(now), publishedAt: now, figures }],
    skipDuplicates: true,
  });
  return count;
}

/** The school's latest snapshot, or null before its first. */
export async function latestSnapshot(db: PrismaClient, schoolId: string): Promise<Snapshot | null> {
  const row = await db.schoolSnapshot.findFirst({ where: { schoolId }, orderBy: { month: "desc" } });
  return row
    ? { month: row.month, publishedAt: row.publishedAt, figures: row.figures as SnapshotFigures }
    : null;
}

/** The records the true figures come from, read from the database. */
async function schoolRecords(db: PrismaClient, schoolId: string): Promise<SchoolRecords> {
  const [signUps, children] = await Promise.all([
    db.schoolSignUps.findMany({ where: { schoolId }, select: { term: true, count: true } }),
    db.child.findMany({
      where: { schools: { some: { schoolId } } },
      select: {
        userId: true,
        plan: { select: { paused: true, emailEnabled: true, calendarEnabled: true } },
        checkIns: { select: { talkedAt: true } },
      },
    }),
  ]);
  const families = new Map<string, CountedFamily>();
  for (const child of children) {
    const family = families.get(child.userId) ?? { children: [] };
    const plan = child.plan;
    family.children.push({
      active: !!plan && !plan.paused && (plan.emailEnabled || plan.calendarEnabled),
      talks: child.checkIns.map((checkIn) => checkIn.talkedAt),
    });
    families.set(child.userId, family);
  }
  return { signUps, counted: [...families.values()] };
}
