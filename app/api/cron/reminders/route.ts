// POST with "Authorization: Bearer $CRON_SECRET": runs due reminder work once (for hosts that only
// offer cron) and answers a JSON summary.
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/server/env";
import { runRemindersOnce } from "@/lib/reminders/worker";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const env = getEnv();
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET ?? ""}`);
  if (!env.CRON_SECRET || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: "unauthorised" }, { status: 401 });
  }
  return Response.json(await runRemindersOnce(env));
}
