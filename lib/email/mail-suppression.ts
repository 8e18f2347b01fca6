// Mail that keeps its reputation: a permanent bounce, a complaint, three temporary bounces in a row or
// an SMTP 5xx for the address stops reminder emails to it (User.mailSuppressedAt), recorded with its
// reason. Sign-in emails still go (the person asked for them) and calendar feeds keep working. Only
// the parent turns reminders back on (the account page); a complaint is never overridden otherwise.
//
// Events arrive at POST /api/mail-events: Amazon SES notifications delivered by SNS (and SNS's
// subscription confirmation), or a small generic form for other providers:
//   {"type": "bounce" | "complaint" | "delivery", "email": "...", "permanent": true, "at": "ISO time"}
// An address that is no account's is ignored: nothing is stored about people who are not users.
import { z } from "zod";
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

// ---- Parsing what providers send --------------------------------------------------------------

const recipients = z.array(z.object({ emailAddress: z.string() }).loose());

/** An Amazon SES notification (the SNS message's body), as a "notification" or an "event". */
const sesNotification = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }).loose().optional(),
    complaint: z.object({ complainedRecipients: recipients }).loose().optional(),
    delivery: z
      .object({ recipients: z.array(z.string()) })
      .loose()
      .optional(),
  })
  .loose();

const snsEnvelope = z.discriminatedUnion("Type", [
  z.object({ Type: z.literal("Notification"), Message: z.string() }).loose(),
  z
    .object({ Type: z.literal("SubscriptionConfirmation"), SubscribeURL: z.string(), TopicArn: z.string() })
    .loose(),
  z.object({ Type: z.literal("UnsubscribeConfirmation") }).loose(),
]);

const genericEvent = z
  .object({
    type: z.enum(["bounce", "complaint", "delivery"]),
    email: z.email(),
    permanent: z.boolean().default(false),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type ParsedBody =
  | { kind: "events"; events: MailEvent[] }
  | { kind: "subscribe"; url: string; topic: string }
  | { kind: "unsubscribed" }
  | { kind: "invalid"; problem: string };

/** Reads a POST body: an SNS envelope (SES inside), or the generic form. */
export function parseMailEvents(body: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: "invalid", problem: "The body is not JSON." };
  }
  if (json && typeof json === "object" && "Type" in json) {
    const envelope = snsEnvelope.safeParse(json);
    if (!envelope.success) return { kind: "invalid", problem: "An SNS message without its fields." };
    if (envelope.data.Type === "SubscriptionConfirmation")
      return { kind: "subscribe", url: envelope.data.SubscribeURL, topic: envelope.data.TopicArn };
    if (envelope.data.Type === "UnsubscribeConfirmation") return { kind: "unsubscribed" };
    let message: unknown;
    try {
      message = JSON.parse(envelope.data.Message);
    } catch {
      return { kind: "invalid", problem: "The SNS Message is not JSON." };
    }
    return sesEvents(message);
  }
  if (json && typeof json === "object" && ("notificationType" in json || "eventType" in json)) {
    return sesEvents(json); // SES through another route (e.g. a queue relayed as it is)
  }
  const generic = genericEvent.safeParse(json);
  if (!generic.success) {
    const field = generic.error.issues[0]?.path.join(".") || "body";
    return { kind: "invalid", problem: `${field}: ${generic.error.issues[0]?.message ?? "invalid"}` };
  }
  const { type, email, permanent } = generic.data;
  return { kind: "events", events: [{ type, email, permanent }] };
}

function sesEvents(message: unknown): ParsedBody {
  const parsed = sesNotification.safeParse(message);
  if (!parsed.success) return { kind: "invalid", problem: "Not an Amazon SES notification." };
  const ses = parsed.data;
  const type = ses.notificationType ?? ses.eventType;
  if (type === "Bounce" && ses.bounce) {
    const permanent = ses.bounce.bounceType === "Permanent";
    return {
      kind: "events",
      events: ses.bounce.bouncedRecipients.map((r) => ({ type: "bounce", email: r.emailAddress, permanent })),
    };
  }
  if (type === "Complaint" && ses.complaint) {
    return {
      kind: "events",
      events: ses.complaint.complainedRecipients.map((r) => ({
        type: "complaint",
        email: r.emailAddress,
        permanent: true,
      })),
    };
  }
  if (type === "Delivery" && ses.delivery) {
    return {
      kind: "events",
      events: ses.delivery.recipients.map((email) => ({ type: "delivery", email, permanent: false })),
    };
  }
  return { kind: "events", events: [] }; // other SES events (sends, opens): nothing to do
}

/** SNS's confirmation link, only when it is Amazon's own (no request to anywhere else). */
export function isAmazonSnsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === "https:" &&
      /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(parsed.hostname) &&
      parsed.searchParams.get("Action") === "ConfirmSubscription"
    );
  } catch {
    return false;
  }
}
