// Sends one Delivery's email. Idempotent: a delivery already sent, failed or skipped is left alone.
// Transient failures (SMTP 4xx, connection refused, time-outs) throw, so graphile-worker retries
// with back-off; permanent ones (SMTP 5xx) are recorded and not retried.
import type { PrismaClient } from "@/prisma/generated/client";
import type { Env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { reminderEmail } from "@/lib/reminders/email";

export type DeliveryOutcome = "sent" | "skipped" | "failed" | "gone";

export async function deliverReminder(
  db: PrismaClient,
  env: Env,
  deliveryId: string,
  now = new Date(),
): Promise<DeliveryOutcome> {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is needed to sign the links in reminder emails");
  // Claim it; a delivery already finished is not sent again.
  const claimed = await db.delivery.updateMany({
    where: { id: deliveryId, status: { in: ["QUEUED", "SENDING"] } },
    data: { status: "SENDING", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "gone";
  const delivery = await db.delivery.findUnique({
    where: { id: deliveryId },
    include: {
      plan: {
        include: {
          child: {
            include: {
              user: { select: { email: true } },
              checkIns: { select: { topic: true, talkedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!delivery) return "gone"; // the account was deleted meanwhile
  const { plan } = delivery;
  if (plan.paused || !plan.emailEnabled) {
    await db.delivery.update({
      where: { id: deliveryId },
      data: { status: "SKIPPED", lastError: plan.paused ? "plan paused" : "email turned off (unsubscribed)" },
    });
    return "skipped";
  }
  const message = reminderEmail({
    env: { ...env, AUTH_SECRET: env.AUTH_SECRET },
    deliveryId,
    planId: plan.id,
    month: delivery.month,
    to: plan.child.user.email,
    child: plan.child,
    checkIns: plan.child.checkIns,
    now,
  });
  try {
    const sent = await sendMail(message, env);
    await db.delivery.update({
      where: { id: deliveryId },
      data: { status: "SENT", messageId: sent.messageId, sentAt: new Date(), lastError: null },
    });
    return "sent";
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = `${code ? `SMTP ${code}: ` : ""}${(error as Error).message}`.slice(0, 500);
    if (code !== undefined && code >= 500) {
      await db.delivery.update({ where: { id: deliveryId }, data: { status: "FAILED", lastError: reason } });
      return "failed";
    }
    await db.delivery.update({ where: { id: deliveryId }, data: { status: "QUEUED", lastError: reason } });
    throw error; // transient: retried with back-off
  }
}
