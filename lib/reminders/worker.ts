// The reminder worker on graphile-worker: a periodic task that dispatches due plans every minute,
// and the delivery task. The same code runs long-lived (npm run worker, npm start), once from cron
// (POST /api/cron/reminders) and once as if at a given instant (npm run reminders:dispatch).
import { purgeExpiredSignInTokens } from "@/lib/server/rate-limit";
import { publishSchoolSnapshots } from "@/lib/schools/school-snapshots";
import {
  Logger,
  parseCrontab,
  run,
  runMigrations,
  runOnce,
  type Runner,
  type TaskList,
} from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import { getGuides } from "@/lib/guides/load-guides";
import { createLog } from "@/lib/server/log";
import { createDb } from "@/lib/server/db";
import type { Env } from "@/lib/server/env";
import {
  DELIVER_BATCH_TASK,
  DELIVER_TASK,
  deliverReminder,
  deliverReminders,
  type DeliveryOutcome,
  RetryLater,
} from "@/lib/reminders/deliver";
import { dispatchDuePlans, reclaimAbandonedJobs, type DispatchSummary } from "@/lib/reminders/dispatch";

const DISPATCH_TASK = "dispatch_due_reminders";
/** A retry job's deliveries: one email's (`deliveryIds`), or one delivery's in jobs queued before households. */
const retryPayload = z
  .union([z.object({ deliveryIds: z.array(z.string()).min(1) }), z.object({ deliveryId: z.string() })])
  .transform((payload) => ("deliveryIds" in payload ? payload.deliveryIds : [payload.deliveryId]));
const workerLog = createLog({ prefix: "[worker]" });

function taskList(
  env: Env,
  db: ReturnType<typeof createDb>,
  onOutcome?: (outcome: DeliveryOutcome) => void,
  stopping?: AbortSignal,
): TaskList {
  return {
    [DISPATCH_TASK]: async () => {
      const freed = await reclaimAbandonedJobs(db, env.REMINDER_LOCK_TIMEOUT_SECONDS * 1000);
      if (freed)
        workerLog.warn(
          `freed the jobs of ${freed} worker(s) silent for ${env.REMINDER_LOCK_TIMEOUT_SECONDS} s`,
        );
      await dispatchDuePlans(db);
      await purgeExpiredSignInTokens(db);
      await publishSchoolSnapshots(db); // schools' monthly figures (a cheap query when none is due)
    },
    [DELIVER_TASK]: async (payload) => {
      const outcomes = await deliverReminder(db, env, retryPayload.parse(payload));
      for (const outcome of outcomes) onOutcome?.(outcome);
    },
    [DELIVER_BATCH_TASK]: async (payload) => {
      const { deliveryIds } = payload as { deliveryIds: string[] };
      await deliverReminders(db, env, deliveryIds, onOutcome, new Date(), stopping);
    },
  };
}

function databaseUrl(env: Env): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the worker with `npm run worker`.");
  return env.DATABASE_URL;
}

/**
 * A long-running worker. `stop()` takes no new work, finishes the emails in flight (a batch job gives
 * its unsent emails back to the queue), waits for the jobs running, then resolves.
 */
export async function startWorker(
  env: Env,
  options: { concurrency?: number; dispatchEveryMinute?: boolean } = {},
) {
  const connectionString = databaseUrl(env);
  getGuides(); // read and check the guides now: a broken content folder stops the worker at once
  const db = createDb(connectionString);
  const stopping = new AbortController();
  // The worker's own connections, ended after it stops. A connection the database closes while idle
  // (a restart, or the embedded PostgreSQL stopping) is logged, never an unhandled error that ends
  // the process mid-stop.
  const pgPool = new pg.Pool({ connectionString, max: Math.max(10, (options.concurrency ?? 5) + 2) });
  pgPool.on("error", (error) => workerLog.warn(`a database connection closed: ${error.message}`));
  // pg's pool.end() resolves as soon as it has asked its idle connections to close, before they have:
  // the database stopped right after (npm start's stop) would still reach them, and each would report
  // "terminating connection". So the worker's stop waits for every connection's own end.
  const open = new Set<pg.PoolClient>();
  pgPool.on("connect", (client) => {
    open.add(client);
    client.once("end", () => open.delete(client));
  });
  const runner: Runner = await run({
    pgPool,
    concurrency: options.concurrency ?? 5,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: taskList(env, db, undefined, stopping.signal),
    parsedCronItems: options.dispatchEveryMinute === false ? [] : parseCrontab(`* * * * * ${DISPATCH_TASK}`),
    logger: quietLogger(),
  });
  return {
    runner,
    async stop() {
      stopping.abort();
      await runner.stop();
      const closed = [...open].map((client) => new Promise((resolve) => client.once("end", resolve)));
      await pgPool.end();
      await Promise.all(closed);
      await db.$disconnect();
    },
  };
}

/** Dispatches what is due at `now`, then sends every queued delivery that can go now. */
export type RunSummary = DispatchSummary & {
  sent: number;
  skipped: number;
  suppressed: number;
  failed: number;
  retrying: number;
};

export async function runRemindersOnce(env: Env, now = new Date()): Promise<RunSummary> {
  const connectionString = databaseUrl(env);
  const db = createDb(connectionString);
  const outcomes = { sent: 0, skipped: 0, suppressed: 0, failed: 0, retrying: 0, gone: 0 };
  try {
    await runMigrations({ connectionString, logger: quietLogger() });
    await reclaimAbandonedJobs(db, env.REMINDER_LOCK_TIMEOUT_SECONDS * 1000);
    const summary = await dispatchDuePlans(db, now);
    await purgeExpiredSignInTokens(db, now);
    await publishSchoolSnapshots(db, now);
    await runOnce({
      connectionString,
      taskList: taskList(env, db, (outcome) => (outcomes[outcome] += 1)),
      logger: quietLogger(),
    });
    const retrying = await db.delivery.count({ where: { status: "QUEUED", attempts: { gt: 0 } } });
    return {
      ...summary,
      sent: outcomes.sent,
      skipped: outcomes.skipped,
      suppressed: outcomes.suppressed,
      failed: outcomes.failed,
      retrying,
    };
  } finally {
    await db.$disconnect();
  }
}

/** graphile-worker's log lines, through ours (lib/server/log.ts): warnings and errors, or all with LOG_DEBUG. */
function quietLogger() {
  return new Logger(
    () =>
      (
        level: string,
        message: string,
        meta?: {
          error?: unknown;
          job?: { id?: string; task_identifier?: string; attempts: number; max_attempts: number };
        },
      ) => {
        const ids = { job: meta?.job?.id, task: meta?.job?.task_identifier };
        // A transient SMTP failure is expected and recorded on its delivery: one line, not an error with a stack.
        if (meta?.error instanceof RetryLater) {
          workerLog.warn(
            `will retry (attempt ${meta.job?.attempts} of ${meta.job?.max_attempts}): ${meta.error.message}`,
            ids,
          );
          return;
        }
        if (level === "error") workerLog.error(message, ids);
        else if (level === "warning") workerLog.warn(message, ids);
        else workerLog.debug(message, ids);
      },
  );
}
