// POST with "Authorization: Bearer $CRON_SECRET": runs due reminder work once (for hosts that only
// offer cron) and answers a JSON summary.
import { presentsToken } from "@/lib/server/bearer";
import { getEnv } from "@/lib/server/env";
import { runRemindersOnce } from "@/lib/reminders/worker";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const env = getEnv();
  if (!env.CRON_SECRET || !presentsToken(request, env.CRON_SECRET)) {
    return Response.json({ error: "unauthorised" }, { status: 401 });
  }
  return Response.json(await runRemindersOnce(env));
}
