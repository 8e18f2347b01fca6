// Mail that keeps its reputation: a permanent bounce, a complaint, three temporary bounces in a row or
// an SMTP 5xx for the address stops reminder emails to it (User.mailSuppressedAt), recorded with its
// reason. Sign-in emails still go (the person asked for them) and calendar feeds keep working. Only
// the parent turns reminders back on (the account page); a complaint is never overridden otherwise.
// Events arrive at POST /api/mail-events (mail-events.ts reads them). An address that is no account's
// is ignored: nothing is stored about people who are not users.
import type { PrismaClient } from "@/prisma/generated/client";
import type { MailSuppression } from "@/prisma/generated/enums";

/** Temporary bounces in a row that suppress like a permanent one. */
export const SOFT_BOUNCE_LIMIT = 3;

export type MailEvent = {
  type: "bounce" | "complaint" | "delivery";
  email: string;
  /** For a bounce: the address will never work (SES "Permanent"), as opposed to a full mailbox. */
  permanent: boolean;
};

/** Stops reminder emails to a parent's address, keeping the first reason (a complaint outranks all). */
export async function suppressAddress(
  db: PrismaClient,
  userId: string,
  reason: MailSuppression,
): Promise<void> {
  await db.$executeRaw`
    UPDATE "User" SET "mailSuppressedAt" = COALESCE("mailSuppressedAt", now()),
           "mailSuppressedReason" = CASE WHEN ${reason}::"MailSuppression" = 'COMPLAINT' THEN 'COMPLAINT'
                                         ELSE COALESCE("mailSuppressedReason", ${reason}::"MailSuppression") END,
           "updatedAt" = now()
    WHERE id = ${userId}`;
}

/** What one event changed: "suppressed", "counted" (a temporary bounce), "cleared" (a delivery), or "ignored". */
export type EventResult = "suppressed" | "counted" | "cleared" | "ignored";

/** Applies one event, in one statement per address (safe when a provider sends events at once). */
export async function applyMailEvent(db: PrismaClient, event: MailEvent): Promise<EventResult> {
  const email = event.email.trim().toLowerCase();
  if (event.type === "delivery") {
    const cleared = await db.$executeRaw`
      UPDATE "User" SET "softBounces" = 0 WHERE lower(email) = ${email} AND "softBounces" > 0`;
    return cleared ? "cleared" : "ignored";
  }
  if (event.type === "complaint" || event.permanent) {
    const reason: MailSuppression = event.type === "complaint" ? "COMPLAINT" : "BOUNCE";
    const users = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE lower(email) = ${email}`;
    for (const user of users) await suppressAddress(db, user.id, reason);
    return users.length ? "suppressed" : "ignored";
  }
  const [counted] = await db.$queryRaw<{ softBounces: number }[]>`
    UPDATE "User" SET "softBounces" = "softBounces" + 1,
           "mailSuppressedAt" = CASE WHEN "softBounces" + 1 >= ${SOFT_BOUNCE_LIMIT}
                                     THEN COALESCE("mailSuppressedAt", now()) ELSE "mailSuppressedAt" END,
           "mailSuppressedReason" = CASE WHEN "softBounces" + 1 >= ${SOFT_BOUNCE_LIMIT}
                                         THEN COALESCE("mailSuppressedReason", 'SOFT_BOUNCES') ELSE "mailSuppressedReason" END
    WHERE lower(email) = ${email}
    RETURNING "softBounces"`;
  if (!counted) return "ignored";
  return counted.softBounces >= SOFT_BOUNCE_LIMIT ? "suppressed" : "counted";
}

/** The parent turns reminder emails back on (the account page): the only way a suppression ends. */
export async function resumeReminderEmails(db: PrismaClient, userId: string): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { mailSuppressedAt: null, mailSuppressedReason: null, softBounces: 0 },
  });
}

/** Why reminder emails stopped, in one sentence for the account page. */
export function whyEmailsStopped(reason: MailSuppression, email: string): string {
  switch (reason) {
    case "BOUNCE":
      return `We stopped sending them because emails to ${email} came back: the address may no longer work.`;
    case "COMPLAINT":
      return `We stopped sending them because one was marked as spam at ${email}.`;
    case "SOFT_BOUNCES":
      return `We stopped sending them because ${email} could not take them three times in a row (the mailbox may be full).`;
    case "SMTP_REFUSED":
      return `We stopped sending them because our mail server could not deliver to ${email}.`;
  }
}
