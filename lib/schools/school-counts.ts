// What a school's contacts see: the figures of its latest published snapshot (school-snapshots.ts),
// the same on the page and in the CSV. Numbers only, each with noise drawn once when it was
// published; nothing changes between snapshots, whatever families do meanwhile.
import type { PrismaClient } from "@/prisma/generated/client";
import { getDb } from "@/lib/server/db";
import { termLabel } from "@/lib/schools/school-terms";
import { latestSnapshot } from "@/lib/schools/school-snapshots";

export type CountsRow = { measure: string; value: number };

export type SchoolCounts =
  /** No snapshot yet, or never enough sign-ups in one: nothing to show. */
  { shown: false; publishedAt: Date | null } | { shown: true; publishedAt: Date; rows: CountsRow[] };

/** The rows of the school's latest snapshot, or why there are none yet. */
export async function schoolCounts(schoolId: string, db: PrismaClient = getDb()): Promise<SchoolCounts> {
  const snapshot = await latestSnapshot(db, schoolId);
  if (!snapshot || !snapshot.figures.enough)
    return { shown: false, publishedAt: snapshot?.publishedAt ?? null };
  const { figures } = snapshot;
  const row = (measure: string, value: number): CountsRow => ({ measure, value });
  const rows = [
    row(`Families who signed up through your links, ${termLabel(figures.term)} so far`, figures.signUps),
  ];
  if (figures.ended) {
    const ended = termLabel(figures.ended.term);
    rows.push(
      row(`Families who signed up through your links, ${ended}`, figures.ended.signUps),
      row(
        `Counted families with an active monthly check-in, counted after the ${ended}`,
        figures.ended.active,
      ),
      row(`Counted families who logged a talk in the ${ended}`, figures.ended.talked),
    );
  }
  return { shown: true, publishedAt: snapshot.publishedAt, rows };
}

/** The rows as CSV: "measure,families", one line a row. */
export function countsCsv(rows: CountsRow[]): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = rows.map((row) => [cell(row.measure), String(row.value)].join(","));
  return [["measure", "families"].join(","), ...lines].join("\r\n") + "\r\n";
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
