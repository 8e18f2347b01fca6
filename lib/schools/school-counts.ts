// What a school's contacts see: numbers only, per age group and in total, each row through the
// small-count rule (small-counts.ts), the same on the page and in the CSV.
//   - sign-ups through the school's links this term and last term (the anonymous counter);
//   - among families who chose to be counted: those with an active monthly check-in, and the check-ins
//     (talks) they logged this term and last term.
// A counted family's children are grouped by their age group today. Check-ins are shown only where at
// least 5 families logged them (showActivityRow: one busy family could fill a cell alone), and nothing
// is shown until the school has had 5 sign-ups in all (a code handed to one family tells nothing).
import type { PrismaClient } from "@/prisma/generated/client";
import { getDb } from "@/lib/server/db";
import { ageGroupOn } from "@/lib/accounts/children";
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import {
  countsCsv,
  showActivityRow,
  showRow,
  showRowTooFewYet,
  SMALLEST_SHOWN,
  type ShownRow,
} from "@/lib/schools/small-counts";
import { previousTerm, termLabel, termOf, termRange, type Term } from "@/lib/schools/school-terms";

export type CountsRow = { measure: string; shown: ShownRow };

const zeros = () =>
  Object.fromEntries(AGE_GROUPS.map((group) => [group.slug, 0])) as Record<AgeGroupSlug, number>;

/** The rows a school's page and CSV show, for the term `now` falls in and the one before. */
export async function schoolCounts(
  schoolId: string,
  now = new Date(),
  db: PrismaClient = getDb(),
): Promise<{ term: Term; lastTerm: Term; rows: CountsRow[]; tooFewYet: boolean }> {
  const term = termOf(now);
  const lastTerm = previousTerm(term);
  const [signUps, allTime, children] = await Promise.all([
    db.schoolSignUps.findMany({ where: { schoolId, term: { in: [term, lastTerm] } } }),
    db.schoolSignUps.aggregate({ where: { schoolId }, _sum: { count: true } }),
    db.child.findMany({
      where: { schools: { some: { schoolId } } },
      select: {
        id: true,
        ageGroup: true,
        birthYear: true,
        birthMonth: true,
        plan: { select: { paused: true, emailEnabled: true, calendarEnabled: true } },
      },
    }),
  ]);
  const groupOf = new Map(children.map((child) => [child.id, ageGroupOn(child, now)]));

  const signedUp = (which: Term) => {
    const counts = zeros();
    for (const row of signUps) if (row.term === which) counts[row.ageGroup as AgeGroupSlug] += row.count;
    return counts;
  };
  const active = zeros();
  for (const child of children) {
    const plan = child.plan;
    if (plan && !plan.paused && (plan.emailEnabled || plan.calendarEnabled))
      active[groupOf.get(child.id)!] += 1;
  }
  const talks = async (which: Term) => {
    const { from, to } = termRange(which);
    const rows = await db.checkIn.groupBy({
      by: ["childId"],
      where: { childId: { in: [...groupOf.keys()] }, talkedAt: { gte: from, lt: to } },
      _count: { _all: true },
    });
    const counts = zeros();
    const families = zeros();
    for (const row of rows) {
      counts[groupOf.get(row.childId)!] += row._count._all;
      families[groupOf.get(row.childId)!] += 1;
    }
    return showActivityRow(counts, families);
  };
  const [talksNow, talksBefore] = await Promise.all([talks(term), talks(lastTerm)]);

  // Until 5 parents in all have signed up through the school's links, no figure at all: a code given
  // to a single family must not tell whether they signed up, kept up their check-ins or talked.
  const tooFewYet = (allTime._sum.count ?? 0) < SMALLEST_SHOWN;
  const rows: CountsRow[] = [
    { measure: `Sign-ups through your links, ${termLabel(term)}`, shown: showRow(signedUp(term)) },
    { measure: `Sign-ups through your links, ${termLabel(lastTerm)}`, shown: showRow(signedUp(lastTerm)) },
    { measure: "Counted families with an active monthly check-in", shown: showRow(active) },
    { measure: `Check-ins logged by counted families, ${termLabel(term)}`, shown: talksNow },
    { measure: `Check-ins logged by counted families, ${termLabel(lastTerm)}`, shown: talksBefore },
  ];
  return {
    term,
    lastTerm,
    tooFewYet,
    rows: tooFewYet ? rows.map((row) => ({ ...row, shown: showRowTooFewYet() })) : rows,
  };
}

/** GET /school/<code>/counts.csv: the same rows as the page, as a download. */
export function countsCsvResponse(code: string, rows: CountsRow[], now = new Date()): Response {
  return new Response(countsCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="talk-often-${code}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
