// Finds due plans and, in one transaction of three statements each batch, records one Delivery per plan and month,
// enqueues its job, and moves the plan on to its next occurrence. A plan missed while every worker
// was down is sent once, not once per missed minute; one more than 7 days late is skipped. A
// household's deliveries of one batch go in the same job, so that deliver.ts can send them as one email.
import type { PrismaClient } from "@/prisma/generated/client";
import { nextDueAfter } from "@/lib/reminders/plans";
import { localMonthOf } from "@/lib/reminders/recurrence";
import { DELIVER_BATCH_TASK, MAX_ATTEMPTS } from "@/lib/reminders/deliver";

export const MAX_LATENESS_MS = 7 * 24 * 60 * 60 * 1000;
/** Deliveries per batch job: few enough that a batch is quickly done, enough to spare queue work. */
export const DELIVERIES_PER_JOB = 20;

export type DispatchSummary = {
  due: number;
  enqueued: number;
  skippedLate: number;
  alreadyQueued: number;
  noEmail: number;
};

type DuePlan = {
  id: string;
  userId: string;
  ruleKind: "DAY_OF_MONTH" | "LAST_DAY" | "NTH_WEEKDAY";
  dayOfMonth: number | null;
  nth: number | null;
  weekday: number | null;
  localTime: string;
  timeZone: string;
  emailEnabled: boolean;
  nextDueAt: Date;
};

export async function dispatchDuePlans(
  db: PrismaClient,
  now = new Date(),
  batchSize = 500,
): Promise<DispatchSummary> {
  const summary: DispatchSummary = { due: 0, enqueued: 0, skippedLate: 0, alreadyQueued: 0, noEmail: 0 };
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      // SKIP LOCKED: two dispatchers at once take different plans instead of waiting or doubling.
      const plans = await tx.$queryRaw<DuePlan[]>`
        SELECT plan.id, child."userId", plan."ruleKind", plan."dayOfMonth", plan.nth, plan.weekday,
               plan."localTime", plan."timeZone", plan."emailEnabled", plan."nextDueAt"
        FROM "CheckInPlan" plan JOIN "Child" child ON child.id = plan."childId"
        WHERE plan.paused = false AND plan."nextDueAt" <= ${now}
        ORDER BY plan."nextDueAt", child."userId"
        LIMIT ${batchSize}
        FOR UPDATE OF plan SKIP LOCKED`;
      if (plans.length === 0) return 0;
      // The whole batch in three statements, whatever its size: record, enqueue, advance.
      const deliveries = plans.filter((plan) => plan.emailEnabled);
      summary.noEmail += plans.length - deliveries.length;
      const late = (plan: DuePlan) => now.getTime() - plan.nextDueAt.getTime() > MAX_LATENESS_MS;
      const inserted = deliveries.length
        ? await tx.$queryRaw<{ id: string; planId: string; status: "QUEUED" | "SKIPPED" }[]>`
            INSERT INTO "Delivery" (id, "planId", month, "dueAt", status, "lastError", "updatedAt")
            SELECT d.id, d.plan, d.month, d.due, d.status::"DeliveryStatus", d.reason, now()
            FROM unnest(
              ${deliveries.map(() => `dlv_${crypto.randomUUID().replace(/-/g, "")}`)}::text[],
              ${deliveries.map((plan) => plan.id)}::text[],
              ${deliveries.map((plan) => localMonthOf(plan.nextDueAt, plan.timeZone))}::text[],
              ${deliveries.map((plan) => plan.nextDueAt.toISOString())}::timestamptz[],
              ${deliveries.map((plan) => (late(plan) ? "SKIPPED" : "QUEUED"))}::text[],
              ${deliveries.map((plan) => (late(plan) ? "more than 7 days late when a worker found it" : null))}::text[]
            ) AS d(id, plan, month, due, status, reason)
            ON CONFLICT ("planId", month) DO NOTHING
            RETURNING id, "planId", status::text AS status`
        : [];
      const household = new Map(plans.map((plan) => [plan.id, plan.userId]));
      const queued = inserted
        .filter((delivery) => delivery.status === "QUEUED")
        .map((delivery) => ({ id: delivery.id, household: household.get(delivery.planId)! }));
      summary.alreadyQueued += deliveries.length - inserted.length;
      summary.skippedLate += inserted.length - queued.length;
      summary.enqueued += queued.length;
      if (queued.length) {
        const chunks = chunkByHousehold(queued, DELIVERIES_PER_JOB).map((deliveryIds) =>
          JSON.stringify({ deliveryIds }),
        );
        await tx.$executeRaw`
          SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
            SELECT ROW(${DELIVER_BATCH_TASK}::text, payload::json, NULL, NULL, ${MAX_ATTEMPTS}::int,
                       NULL, NULL, NULL)::graphile_worker.job_spec
            FROM unnest(${chunks}::text[]) AS payload))`;
      }
      // On to the next occurrence after now: missed months are not caught up one by one.
      const next = plans.map((plan) =>
        nextDueAfter(plan, new Date(Math.max(now.getTime(), plan.nextDueAt.getTime()))).toISOString(),
      );
      await tx.$executeRaw`
        UPDATE "CheckInPlan" AS plan SET "nextDueAt" = d.next, "updatedAt" = now()
        FROM unnest(${plans.map((plan) => plan.id)}::text[], ${next}::timestamptz[]) AS d(id, next)
        WHERE plan.id = d.id`;
      return plans.length;
    });
    summary.due += batch;
    if (batch < batchSize) return summary;
  }
}

/**
 * Delivery ids in jobs of about `size`, never splitting a household: its children's reminders of one
 * run are sent together as one email (a chunk may go over `size` by less than a household).
 */
export function chunkByHousehold(deliveries: { id: string; household: string }[], size: number): string[][] {
  const households = new Map<string, string[]>();
  for (const { id, household } of deliveries)
    households.set(household, [...(households.get(household) ?? []), id]);
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const ids of households.values()) {
    if (current.length > 0 && current.length + ids.length > size) {
      chunks.push(current);
      current = [];
    }
    current.push(...ids);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** A send takes seconds: a job locked for longer than this belongs to a worker that died. */
export const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Frees the jobs of workers that died mid-send (killed, out of memory, machine lost), so that
 * another worker retries them now rather than after graphile-worker's four-hour lock timeout.
 */
export async function reclaimAbandonedJobs(
  db: PrismaClient,
  olderThanMs = ABANDONED_AFTER_MS,
): Promise<number> {
  const rows = await db.$queryRaw<{ worker: string }[]>`
    SELECT DISTINCT locked_by AS worker FROM graphile_worker.jobs
    WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${olderThanMs / 1000}::float8)`;
  if (rows.length === 0) return 0;
  await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${rows.map((r) => r.worker)}::text[])`;
  return rows.length;
}
