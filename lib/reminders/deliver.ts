// Sends reminder emails. Dispatch enqueues one job per batch of deliveries (`deliverReminders`): one
// statement claims the whole batch, each email is recorded as soon as the SMTP server accepts it, so
// a worker killed mid-batch can resend only what was in flight. A household's deliveries in a batch
// go as one email (each child's Delivery still recorded once), unless the parent asked for separate
// ones. A transient failure (SMTP 4xx, connection refused, time-out) hands that email's deliveries to
// a job of their own (`deliverReminder`), which graphile-worker retries with back-off; a permanent
// one (SMTP 5xx) is recorded and not retried.
// Idempotent: a delivery already sent, failed or skipped is left alone.
import type { PrismaClient } from "@/prisma/generated/client";
import type { AttemptOutcome, DeliveryStatus } from "@/prisma/generated/enums";
import type { Env } from "@/lib/server/env";
import { requireLinkSecret } from "@/lib/server/signed-links";
import { sendMail } from "@/lib/email/send-mail";
import { reminderEmail, type ReminderChild } from "@/lib/email/reminder-email";
import { householdReminderEmail } from "@/lib/email/household-reminder-email";
import { suppressAddress } from "@/lib/email/mail-suppression";
import { ageGroupOn } from "@/lib/guides/age-groups";
import { chooseMonthlyPrompt, type MonthlyPrompt, type PastPrompt } from "@/lib/reminders/monthly-prompt";

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
  /** The parent asked for one email per child (User.separateReminders). */
  separateReminders: boolean;
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
           parent.email, parent.id AS "userId", parent."separateReminders", parent."mailSuppressedAt" IS NOT NULL AS suppressed,
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
    JOIN "User" parent ON parent.id = child."userId"
    -- A household's email names its children in the order they were added, and its Message-ID (the
    -- first delivery's) stays the same on every attempt.
    ORDER BY child."createdAt", claimed.id`;
}

/** What a send did to each delivery it held; `retry` when the email must be tried again later. */
type SendResult = {
  outcomes: { id: string; outcome: Exclude<DeliveryOutcome, "gone"> }[];
  retry?: { ids: string[]; error: Error; reason: string };
};

/**
 * Sends one email for the claimed deliveries of one household (or one delivery, for a parent who asked
 * for separate emails) and records each delivery's outcome. A paused plan, or one whose emails are
 * off, is recorded as skipped and left out of the email. A transient failure is returned with its
 * reason for the caller to give the deliveries back to the queue in its own way.
 */
async function send(
  db: PrismaClient,
  env: Env & { AUTH_SECRET: string },
  household: ClaimedDelivery[],
  now: Date,
): Promise<SendResult> {
  const outcomes: SendResult["outcomes"] = [];
  const going: { delivery: ClaimedDelivery; child: ReminderChild; prompt: MonthlyPrompt }[] = [];
  for (const delivery of household) {
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
      await record(db, [{ id: delivery.id, prompt: chosen }], "SKIPPED", { error: reason });
      outcomes.push({ id: delivery.id, outcome: "skipped" });
    } else if (delivery.suppressed) {
      await record(db, [{ id: delivery.id, prompt: chosen }], "SUPPRESSED", {
        error: "the address bounced or complained",
      });
      outcomes.push({ id: delivery.id, outcome: "suppressed" });
    } else {
      going.push({ delivery, child, prompt });
    }
  }
  if (going.length === 0) return { outcomes };
  const [first] = going as [(typeof going)[number]];
  const message =
    going.length === 1
      ? reminderEmail({
          env,
          deliveryId: first.delivery.id,
          planId: first.delivery.planId,
          month: first.delivery.month,
          to: first.delivery.email,
          child: first.child,
          prompt: first.prompt,
          now,
        })
      : householdReminderEmail({
          env,
          userId: first.delivery.userId,
          to: first.delivery.email,
          children: going.map(({ delivery, child, prompt }) => ({
            deliveryId: delivery.id,
            planId: delivery.planId,
            child,
            prompt,
          })),
          now,
        });
  const entries = going.map(({ delivery, prompt }) => ({
    id: delivery.id,
    prompt: { topic: prompt.topic, starter: prompt.starter },
  }));
  const ids = entries.map((entry) => entry.id);
  try {
    const sent = await sendMail(message, env);
    await record(db, entries, "SENT", { messageId: sent.messageId });
    return { outcomes: [...outcomes, ...ids.map((id) => ({ id, outcome: "sent" as const }))] };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = `${code ? `SMTP ${code}: ` : ""}${(error as Error).message}`.slice(0, 500);
    if (code !== undefined && code >= 500) {
      await record(db, entries, "FAILED", { error: reason });
      // Refused for this address (not our log-in or our sender): no more reminders to it.
      if (refusesRecipient(error)) await suppressAddress(db, first.delivery.userId, "SMTP_REFUSED");
      return { outcomes: [...outcomes, ...ids.map((id) => ({ id, outcome: "failed" as const }))] };
    }
    return {
      outcomes: [...outcomes, ...ids.map((id) => ({ id, outcome: "retrying" as const }))],
      retry: { ids, error: error as Error, reason },
    };
  }
}

/** The claimed deliveries of one batch, one list per email: a household's together, unless it asked for one email per child. */
export function byEmail<T extends { id: string; userId: string; separateReminders: boolean }>(
  deliveries: T[],
): T[][] {
  const emails = new Map<string, T[]>();
  for (const delivery of deliveries) {
    const key = delivery.separateReminders ? `delivery ${delivery.id}` : `household ${delivery.userId}`;
    emails.set(key, [...(emails.get(key) ?? []), delivery]);
  }
  return [...emails.values()];
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
 * Records how an attempt ended for each delivery of one email, in one statement: the deliveries'
 * status and month's prompt, their history rows (DeliveryAttempt, numbered by the claim), and, for
 * `retryJob`, one retry job for them together.
 */
async function record(
  db: PrismaClient,
  entries: { id: string; prompt?: { topic: string; starter: string } }[],
  outcome: AttemptOutcome,
  detail: { error?: string; messageId?: string; retryJob?: boolean },
): Promise<void> {
  const error = detail.error ?? null;
  const messageId = detail.messageId ?? null;
  const ids = entries.map((entry) => entry.id);
  const topics = entries.map((entry) => entry.prompt?.topic ?? null);
  const starters = entries.map((entry) => entry.prompt?.starter ?? null);
  await db.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${topics}::text[], ${starters}::text[]) AS i(id, topic, starter)
    ), updated AS (
      UPDATE "Delivery" d SET status = ${STATUS_AFTER[outcome]}::"DeliveryStatus", "lastError" = ${error},
             "messageId" = COALESCE(${messageId}, d."messageId"),
             topic = COALESCE(input.topic, d.topic), starter = COALESCE(input.starter, d.starter),
             "sentAt" = CASE WHEN ${outcome} = 'SENT' THEN now() ELSE d."sentAt" END, "updatedAt" = now()
      FROM input WHERE d.id = input.id
      RETURNING d.id, d.attempts
    ), logged AS (
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", number, outcome, error, "messageId")
      SELECT 'att_' || replace(gen_random_uuid()::text, '-', ''), id, attempts, ${outcome}::"AttemptOutcome",
             ${error}, ${messageId}
      FROM updated
      ON CONFLICT ("deliveryId", number) DO NOTHING
    )
    SELECT graphile_worker.add_job(
      ${DELIVER_TASK}, json_build_object('deliveryIds', ${ids}::text[]), run_at => now() + interval '2 seconds',
      max_attempts => ${MAX_ATTEMPTS}::int, job_key => 'delivery:' || ${ids[0] ?? ""})
    WHERE ${detail.retryJob === true} AND EXISTS (SELECT 1 FROM updated)`;
}

function withSecret(env: Env): Env & { AUTH_SECRET: string } {
  return { ...env, AUTH_SECRET: requireLinkSecret(env) };
}

/** A transient failure, already recorded: graphile-worker runs the job again later. Not a fault of ours. */
export class RetryLater extends Error {
  override name = "RetryLater";
}

/**
 * A retry: the deliveries of one email (one, or a household's), sent again together. Throws on a
 * transient failure, so that graphile-worker retries it with back-off.
 */
export async function deliverReminder(
  db: PrismaClient,
  env: Env,
  deliveryIds: string[],
  now = new Date(),
): Promise<DeliveryOutcome[]> {
  const secretEnv = withSecret(env);
  const claimed = await claim(db, deliveryIds, false);
  // Finished already, or the account was deleted meanwhile.
  const outcomes: DeliveryOutcome[] = deliveryIds.slice(claimed.length).map(() => "gone");
  let retry: SendResult["retry"];
  for (const email of byEmail(claimed)) {
    const result = await send(db, secretEnv, email, now);
    outcomes.push(...result.outcomes.map((o) => o.outcome));
    if (result.retry) {
      await record(
        db,
        result.retry.ids.map((id) => ({ id })),
        "RETRY",
        { error: result.retry.reason },
      );
      retry ??= result.retry;
    }
  }
  if (retry)
    throw new RetryLater(`delivery ${retry.ids.join(", ")}: ${retry.reason}`, { cause: retry.error });
  return outcomes;
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
  const waiting = byEmail(claimed);
  const lane = async () => {
    for (let email = waiting.shift(); email; email = waiting.shift()) {
      if (stopping?.aborted) {
        waiting.unshift(email);
        return;
      }
      const result = await send(db, secretEnv, email, now);
      if (result.retry) {
        // One statement: a worker dying here leaves either a first attempt (the batch job's, retried
        // with it) or a queued retry with its job, never a delivery that no job owns.
        const ids = result.retry.ids.map((id) => ({ id }));
        await record(db, ids, "RETRY", { error: result.retry.reason, retryJob: true });
      }
      for (const { outcome } of result.outcomes) onOutcome?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, waiting.length) }, lane));
  if (waiting.length)
    await giveBack(
      db,
      waiting.flat().map((delivery) => delivery.id),
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
