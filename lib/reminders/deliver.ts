// Sends reminder emails. Dispatch enqueues one job per batch of deliveries (`deliverReminders`): one
// statement claims the whole batch, each email is recorded as soon as the SMTP server accepts it, so
// a worker killed mid-batch can resend only what was in flight. A transient failure (SMTP 4xx,
// connection refused, time-out) hands that delivery to a job of its own (`deliverReminder`), which
// graphile-worker retries with back-off; a permanent one (SMTP 5xx) is recorded and not retried.
// Idempotent: a delivery already sent, failed or skipped is left alone.
import type { PrismaClient } from "@/prisma/generated/client";
import type { AttemptOutcome, DeliveryStatus } from "@/prisma/generated/enums";
import type { Env } from "@/lib/server/env";
import { requireLinkSecret } from "@/lib/server/signed-links";
import { sendMail } from "@/lib/email/send-mail";
import { reminderEmail } from "@/lib/email/reminder-email";
import { suppressAddress } from "@/lib/email/mail-suppression";
import { ageGroupOn } from "@/lib/guides/age-groups";
import { chooseMonthlyPrompt, type PastPrompt } from "@/lib/reminders/monthly-prompt";

export const DELIVER_TASK = "deliver_reminder";
export const DELIVER_BATCH_TASK = "deliver_reminders";
/** Enough attempts for graphile-worker's back-off (e^n seconds, at most e^10) to span over 24 hours. */
export const MAX_ATTEMPTS = 25;

type ClaimedDelivery = {
  id: string;
  month: string;
  planId: string;
  paused: boolean;
  emailEnabled: boolean;
  childId: string;
  label: string | null;
  ageGroup: string | null;
  birthYear: number | null;
  birthMonth: number | null;
  email: string;
  userId: string;
  /** Reminder emails to this address stopped (a bounce or a complaint): User.mailSuppressedAt. */
  suppressed: boolean;
  /** The latest talk on each topic; `talkedAt` as JSON gives it, an ISO string. */
  checkIns: { topic: string; talkedAt: string }[];
  /** The prompts of this plan's 12 months before this one (lib/reminders/monthly-prompt.ts). */
  pastPrompts: PastPrompt[];
};

export type DeliveryOutcome = "sent" | "skipped" | "suppressed" | "failed" | "retrying" | "gone";

/**
 * Claims deliveries and reads what their emails need, in one statement (no query compiling: this is
 * the hot path). `batch`: only first attempts, which a batch job owns (queued and never tried, or in
 * flight when a worker died); a delivery handed to its own retry job is that job's alone.
 */
async function claim(db: PrismaClient, ids: string[], batch: boolean): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH claimed AS (
      UPDATE "Delivery" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
      WHERE id = ANY(${ids}::text[])
        AND CASE WHEN ${batch}
                 THEN (status = 'QUEUED' AND attempts = 0) OR (status = 'SENDING' AND attempts = 1)
                 ELSE status IN ('QUEUED', 'SENDING') END
      RETURNING id, month, "planId"
    )
    SELECT claimed.id, claimed.month, plan.id AS "planId", plan.paused, plan."emailEnabled",
           child.id AS "childId", child.label, child."ageGroup", child."birthYear", child."birthMonth",
           parent.email, parent.id AS "userId", parent."mailSuppressedAt" IS NOT NULL AS suppressed,
           COALESCE((SELECT json_agg(json_build_object('topic', topic, 'talkedAt', latest))
                     FROM (SELECT topic, max("talkedAt") AS latest FROM "CheckIn"
                           WHERE "childId" = child.id GROUP BY topic) AS talks), '[]') AS "checkIns",
           COALESCE((SELECT json_agg(json_build_object('month', d.month, 'topic', d.topic, 'starter', d.starter))
                     FROM "Delivery" d
                     WHERE d."planId" = plan.id AND d.topic IS NOT NULL AND d.month < claimed.month
                       AND d.month >= to_char(to_date(claimed.month, 'YYYY-MM') - interval '12 months', 'YYYY-MM')),
                    '[]') AS "pastPrompts"
    FROM claimed
    JOIN "CheckInPlan" plan ON plan.id = claimed."planId"
    JOIN "Child" child ON child.id = plan."childId"
    JOIN "User" parent ON parent.id = child."userId"`;
}

/**
 * Sends one claimed delivery and records the outcome; a transient failure is returned with its reason
 * for the caller to give the delivery back to the queue in its own way.
 */
async function send(
  db: PrismaClient,
  env: Env & { AUTH_SECRET: string },
  delivery: ClaimedDelivery,
  now: Date,
): Promise<
  | { outcome: Exclude<DeliveryOutcome, "gone" | "retrying"> }
  | { outcome: "retrying"; error: Error; reason: string }
> {
  const child = {
    id: delivery.childId,
    label: delivery.label,
    ageGroup: delivery.ageGroup,
    birthYear: delivery.birthYear,
    birthMonth: delivery.birthMonth,
  };
  // The month's prompt is kept whatever happens to the email: the calendar shows it too, and the
  // next months go on from it.
  const prompt = chooseMonthlyPrompt({
    ageGroup: ageGroupOn(child, now),
    month: delivery.month,
    past: delivery.pastPrompts,
    talks: delivery.checkIns.map((talk) => ({ topic: talk.topic, talkedAt: new Date(talk.talkedAt) })),
  });
  const chosen = { topic: prompt.topic, starter: prompt.starter };
  if (delivery.paused || !delivery.emailEnabled) {
    const reason = delivery.paused ? "plan paused" : "email turned off (unsubscribed)";
    await record(db, delivery.id, "SKIPPED", { error: reason, prompt: chosen });
    return { outcome: "skipped" };
  }
  if (delivery.suppressed) {
    await record(db, delivery.id, "SUPPRESSED", {
      error: "the address bounced or complained",
      prompt: chosen,
    });
    return { outcome: "suppressed" };
  }
  const message = reminderEmail({
    env,
    deliveryId: delivery.id,
    planId: delivery.planId,
    month: delivery.month,
    to: delivery.email,
    child,
    prompt,
    now,
  });
  try {
    const sent = await sendMail(message, env);
    await record(db, delivery.id, "SENT", { messageId: sent.messageId, prompt: chosen });
    return { outcome: "sent" };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = `${code ? `SMTP ${code}: ` : ""}${(error as Error).message}`.slice(0, 500);
    if (code !== undefined && code >= 500) {
      await record(db, delivery.id, "FAILED", { error: reason, prompt: chosen });
      // Refused for this address (not our log-in or our sender): no more reminders to it.
      if (refusesRecipient(error)) await suppressAddress(db, delivery.userId, "SMTP_REFUSED");
      return { outcome: "failed" };
    }
    return { outcome: "retrying", error: error as Error, reason };
  }
}

const STATUS_AFTER: Record<AttemptOutcome, DeliveryStatus> = {
  SENT: "SENT",
  RETRY: "QUEUED",
  FAILED: "FAILED",
  SKIPPED: "SKIPPED",
  SUPPRESSED: "SKIPPED",
};

/** An SMTP 5xx for the recipient or the message, as opposed to our log-in (535) or sender (MAIL FROM). */
function refusesRecipient(error: unknown): boolean {
  const command = String((error as { command?: string }).command ?? "").toUpperCase();
  return command.startsWith("RCPT") || command === "DATA" || command.startsWith("END OF");
}

/**
 * Records how an attempt ended, in one statement: the delivery's status, its history row
 * (DeliveryAttempt, numbered by the claim), and, for `retryJob`, the delivery's own retry job.
 */
async function record(
  db: PrismaClient,
  deliveryId: string,
  outcome: AttemptOutcome,
  detail: {
    error?: string;
    messageId?: string;
    retryJob?: boolean;
    prompt?: { topic: string; starter: string };
  },
): Promise<void> {
  const error = detail.error ?? null;
  const messageId = detail.messageId ?? null;
  const topic = detail.prompt?.topic ?? null;
  const starter = detail.prompt?.starter ?? null;
  await db.$executeRaw`
    WITH updated AS (
      UPDATE "Delivery" SET status = ${STATUS_AFTER[outcome]}::"DeliveryStatus", "lastError" = ${error},
             "messageId" = COALESCE(${messageId}, "messageId"),
             topic = COALESCE(${topic}, topic), starter = COALESCE(${starter}, starter),
             "sentAt" = CASE WHEN ${outcome} = 'SENT' THEN now() ELSE "sentAt" END, "updatedAt" = now()
      WHERE id = ${deliveryId}
      RETURNING id, attempts
    ), logged AS (
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", number, outcome, error, "messageId")
      SELECT 'att_' || replace(gen_random_uuid()::text, '-', ''), id, attempts, ${outcome}::"AttemptOutcome",
             ${error}, ${messageId}
      FROM updated
      ON CONFLICT ("deliveryId", number) DO NOTHING
    )
    SELECT graphile_worker.add_job(
      ${DELIVER_TASK}, json_build_object('deliveryId', id), run_at => now() + interval '2 seconds',
      max_attempts => ${MAX_ATTEMPTS}::int, job_key => 'delivery:' || id)
    FROM updated WHERE ${detail.retryJob === true}`;
}

function withSecret(env: Env): Env & { AUTH_SECRET: string } {
  return { ...env, AUTH_SECRET: requireLinkSecret(env) };
}

/** A transient failure, already recorded: graphile-worker runs the job again later. Not a fault of ours. */
export class RetryLater extends Error {
  override name = "RetryLater";
}

/** One delivery (a retry): throws on a transient failure, so that graphile-worker retries it with back-off. */
export async function deliverReminder(
  db: PrismaClient,
  env: Env,
  deliveryId: string,
  now = new Date(),
): Promise<DeliveryOutcome> {
  const secretEnv = withSecret(env);
  const [delivery] = await claim(db, [deliveryId], false);
  if (!delivery) return "gone"; // finished already, or the account was deleted meanwhile
  const result = await send(db, secretEnv, delivery, now);
  if (result.outcome === "retrying") {
    await record(db, delivery.id, "RETRY", { error: result.reason });
    throw new RetryLater(`delivery ${delivery.id}: ${result.reason}`, { cause: result.error });
  }
  return result.outcome;
}

/** How many emails of a batch are in flight at once: the SMTP pool's connections (send-mail.ts). */
const SENDS_AT_ONCE = 5;

/**
 * A batch of first attempts, sent side by side through the mail pool. Each transient failure gets a
 * retry job of its own, enqueued in the same statement that gives the delivery back to the queue.
 * When `stopping` is aborted (the worker is shutting down), the sends in flight finish and the rest
 * go back to the queue with a batch job of their own, for this worker's next start or another worker.
 */
export async function deliverReminders(
  db: PrismaClient,
  env: Env,
  deliveryIds: string[],
  onOutcome?: (outcome: DeliveryOutcome) => void,
  now = new Date(),
  stopping?: AbortSignal,
): Promise<void> {
  const secretEnv = withSecret(env);
  const claimed = await claim(db, deliveryIds, true);
  for (let i = claimed.length; i < deliveryIds.length; i += 1) onOutcome?.("gone");
  const waiting = [...claimed];
  const lane = async () => {
    for (let delivery = waiting.shift(); delivery; delivery = waiting.shift()) {
      if (stopping?.aborted) {
        waiting.unshift(delivery);
        return;
      }
      const result = await send(db, secretEnv, delivery, now);
      if (result.outcome === "retrying") {
        // One statement: a worker dying here leaves either a first attempt (the batch job's, retried
        // with it) or a queued retry with its job, never a delivery that no job owns.
        await record(db, delivery.id, "RETRY", { error: result.reason, retryJob: true });
      }
      onOutcome?.(result.outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, claimed.length) }, lane));
  if (waiting.length)
    await giveBack(
      db,
      waiting.map((delivery) => delivery.id),
    );
}

/**
 * Unclaims first attempts that were never tried and enqueues a batch job for them, in one statement:
 * the new job's claim finds them either way (queued and untried, or in flight at a first attempt).
 */
async function giveBack(db: PrismaClient, ids: string[]): Promise<void> {
  await db.$executeRaw`
    WITH returned AS (
      UPDATE "Delivery" SET status = 'QUEUED', attempts = attempts - 1, "updatedAt" = now()
      WHERE id = ANY(${ids}::text[]) AND status = 'SENDING' AND attempts = 1
      RETURNING id
    )
    SELECT graphile_worker.add_job(${DELIVER_BATCH_TASK}, json_build_object('deliveryIds', ${ids}::text[]),
                                   max_attempts => ${MAX_ATTEMPTS}::int)`;
}
