// Sends one Delivery's email. Idempotent: a delivery already sent, failed or skipped is left alone.
// Transient failures (SMTP 4xx, connection refused, time-outs) throw, so graphile-worker retries
// with back-off; permanent ones (SMTP 5xx) are recorded and not retried.
import type { PrismaClient } from "@/prisma/generated/client";
import type { Env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { reminderEmail } from "@/lib/reminders/email";

type ClaimedDelivery = {
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
  /** The latest talk on each topic; `talkedAt` as JSON gives it, an ISO string. */
  checkIns: { topic: string; talkedAt: string }[];
};

export type DeliveryOutcome = "sent" | "skipped" | "failed" | "gone";

export async function deliverReminder(
  db: PrismaClient,
  env: Env,
  deliveryId: string,
  now = new Date(),
): Promise<DeliveryOutcome> {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is needed to sign the links in reminder emails");
  // Claim it and read what the email needs in one statement (one round trip, no query compiling: this
  // is the hot path). A delivery already finished is not sent again; one whose account was deleted
  // meanwhile has no row.
  const [delivery] = await db.$queryRaw<ClaimedDelivery[]>`
    WITH claimed AS (
      UPDATE "Delivery" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
      WHERE id = ${deliveryId} AND status IN ('QUEUED', 'SENDING')
      RETURNING id, month, "planId"
    )
    SELECT claimed.month, plan.id AS "planId", plan.paused, plan."emailEnabled",
           child.id AS "childId", child.label, child."ageGroup", child."birthYear", child."birthMonth",
           parent.email,
           COALESCE((SELECT json_agg(json_build_object('topic', topic, 'talkedAt', latest))
                     FROM (SELECT topic, max("talkedAt") AS latest FROM "CheckIn"
                           WHERE "childId" = child.id GROUP BY topic) AS talks), '[]') AS "checkIns"
    FROM claimed
    JOIN "CheckInPlan" plan ON plan.id = claimed."planId"
    JOIN "Child" child ON child.id = plan."childId"
    JOIN "User" parent ON parent.id = child."userId"`;
  if (!delivery) return "gone";
  if (delivery.paused || !delivery.emailEnabled) {
    const reason = delivery.paused ? "plan paused" : "email turned off (unsubscribed)";
    await db.$executeRaw`
      UPDATE "Delivery" SET status = 'SKIPPED', "lastError" = ${reason}, "updatedAt" = now() WHERE id = ${deliveryId}`;
    return "skipped";
  }
  const message = reminderEmail({
    env: { ...env, AUTH_SECRET: env.AUTH_SECRET },
    deliveryId,
    planId: delivery.planId,
    month: delivery.month,
    to: delivery.email,
    child: {
      id: delivery.childId,
      label: delivery.label,
      ageGroup: delivery.ageGroup,
      birthYear: delivery.birthYear,
      birthMonth: delivery.birthMonth,
    },
    checkIns: delivery.checkIns.map((talk) => ({ topic: talk.topic, talkedAt: new Date(talk.talkedAt) })),
    now,
  });
  try {
    const sent = await sendMail(message, env);
    await db.$executeRaw`
      UPDATE "Delivery" SET status = 'SENT', "messageId" = ${sent.messageId}, "sentAt" = now(), "lastError" = NULL,
             "updatedAt" = now()
      WHERE id = ${deliveryId}`;
    return "sent";
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = `${code ? `SMTP ${code}: ` : ""}${(error as Error).message}`.slice(0, 500);
    if (code !== undefined && code >= 500) {
      await db.$executeRaw`
        UPDATE "Delivery" SET status = 'FAILED', "lastError" = ${reason}, "updatedAt" = now() WHERE id = ${deliveryId}`;
      return "failed";
    }
    await db.$executeRaw`
      UPDATE "Delivery" SET status = 'QUEUED', "lastError" = ${reason}, "updatedAt" = now() WHERE id = ${deliveryId}`;
    throw error; // transient: retried with back-off
  }
}
