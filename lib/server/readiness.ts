// What /api/ready checks: PostgreSQL answers, every migration in prisma/migrations is applied, and a
// reminder worker has reported in within two minutes. /api/health (liveness) checks nothing but that
// the process answers. Neither says anything an operator's dashboard does not need (no versions).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";

export const HEARTBEAT_MAX_AGE_MS = 2 * 60_000;
/** The reminder worker's every-minute task (lib/reminders/worker.ts): its last run is the heartbeat. */
const HEARTBEAT_TASK = "dispatch_due_reminders";

export type Readiness = { ready: boolean; problems: string[] };

export async function readiness(
  db: PrismaClient = getDb(),
  now = new Date(),
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
): Promise<Readiness> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return { ready: false, problems: ["PostgreSQL does not answer"] };
  }
  const problems: string[] = [];
  const expected = await migrationsIn(migrationsDir);
  const applied = new Set(
    (
      await db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch(
        () => [],
      )
    ).map((row) => row.migration_name),
  );
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length) problems.push(`migrations not applied: ${missing.join(", ")}`);
  const heartbeat = await lastHeartbeat(db);
  if (!heartbeat || now.getTime() - heartbeat.getTime() > HEARTBEAT_MAX_AGE_MS) {
    problems.push("no reminder worker has reported in within the last 2 minutes");
  }
  return { ready: problems.length === 0, problems };
}

/**
 * When a reminder worker last reported in, or null: graphile-worker records, in its own table, when a
 * running worker's scheduler last ran each cron task (also read by the metrics).
 */
export async function lastHeartbeat(db: PrismaClient): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ last: Date | null }[]>`
    SELECT greatest(last_execution, known_since) AS last FROM graphile_worker._private_known_crontabs
    WHERE identifier = ${HEARTBEAT_TASK}`.catch(() => []);
  return row?.last ?? null;
}

// The migrations a build ships do not change while it runs: read the folder once per process.
const migrationLists = new Map<string, Promise<string[]>>();
function migrationsIn(dir: string): Promise<string[]> {
  let list = migrationLists.get(dir);
  if (!list) {
    list = readdir(dir, { withFileTypes: true })
      .then((entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name))
      .catch((error: unknown) => {
        migrationLists.delete(dir); // try again on the next probe
        throw error;
      });
    migrationLists.set(dir, list);
  }
  return list;
}

/** GET /api/ready: 200 {"ready":true}, or 503 with what is wrong. Never cached. */
export async function readinessResponse(): Promise<Response> {
  const result = await readiness();
  return Response.json(result, {
    status: result.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
