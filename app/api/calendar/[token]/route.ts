// GET: a plan's calendar feed, by the secret in its URL. A revoked or unknown secret is a 404.
import { calendarFeed } from "@/lib/calendar";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  // Only what newCalendarToken makes is looked up (base64url, 32 characters).
  if (!/^[\w-]{20,64}$/.test(token)) return new Response("No such calendar.", { status: 404 });
  const plan = await getDb().checkInPlan.findFirst({
    where: { calendarToken: token, calendarEnabled: true },
    include: { child: { include: { checkIns: { select: { topic: true, talkedAt: true } } } } },
  });
  if (!plan) return new Response("No such calendar.", { status: 404 });
  const body = calendarFeed({
    plan,
    child: plan.child,
    checkIns: plan.child.checkIns,
    appUrl: getEnv().APP_URL,
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="talk-often.ics"',
      "Cache-Control": "private, max-age=3600",
    },
  });
}
