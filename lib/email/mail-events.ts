// The /api/mail-events endpoint: checks the token, reads SNS/SES or the generic form, confirms an SNS
// subscription (only at Amazon's own address), and applies each event.
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { presentsToken } from "@/lib/server/bearer";
import { log } from "@/lib/server/log";
import { applyMailEvent, isAmazonSnsUrl, parseMailEvents } from "@/lib/email/mail-suppression";

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
