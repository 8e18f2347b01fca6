// The /api/mail-events endpoint: checks the token, reads SNS/SES or the generic form, confirms an SNS
// subscription (only at Amazon's own address), and applies each event (mail-suppression.ts). Events are
// Amazon SES notifications delivered by SNS (and SNS's subscription confirmation), or a small generic
// form for other providers:
//   {"type": "bounce" | "complaint" | "delivery", "email": "...", "permanent": true, "at": "ISO time"}
import { z } from "zod";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { presentsToken } from "@/lib/server/bearer";
import { log } from "@/lib/server/log";
import { applyMailEvent, type MailEvent } from "@/lib/email/mail-suppression";

const NO_STORE = { "Cache-Control": "no-store" };

export async function handleMailEvents(
  request: Request,
  confirm: (url: string) => Promise<Response> = (url) => fetch(url, { redirect: "error" }),
): Promise<Response> {
  const env = getEnv();
  if (!env.MAIL_EVENTS_TOKEN) return new Response("Not found\n", { status: 404, headers: NO_STORE });
  if (!presentsToken(request, env.MAIL_EVENTS_TOKEN, { basic: true })) {
    return Response.json(
      { error: "unauthorised" },
      { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer, Basic realm="mail-events"' } },
    );
  }
  const body = parseMailEvents(await request.text());
  switch (body.kind) {
    case "invalid":
      return Response.json({ error: body.problem }, { status: 400, headers: NO_STORE });
    case "unsubscribed":
      log.warn("[mail-events] SNS says this endpoint was unsubscribed from its topic");
      return Response.json({ ok: true }, { headers: NO_STORE });
    case "subscribe": {
      if (!isAmazonSnsUrl(body.url)) {
        return Response.json(
          { error: "SubscribeURL is not an Amazon SNS confirmation address" },
          { status: 400, headers: NO_STORE },
        );
      }
      const answer = await confirm(body.url).catch(() => null);
      if (!answer?.ok) {
        log.warn("[mail-events] could not confirm the SNS subscription", { topic: body.topic });
        return Response.json({ error: "confirmation failed" }, { status: 502, headers: NO_STORE });
      }
      log.info("[mail-events] confirmed the SNS subscription", { topic: body.topic });
      return Response.json({ ok: true, confirmed: body.topic }, { headers: NO_STORE });
    }
    case "events": {
      const db = getDb();
      const results = [];
      for (const event of body.events) results.push(await applyMailEvent(db, event));
      return Response.json({ ok: true, results }, { headers: NO_STORE });
    }
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
