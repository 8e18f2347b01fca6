// GET: a plan's calendar feed, by the secret in its URL. A revoked or unknown secret is a 404.
import { calendarFeedResponse } from "@/lib/reminders/calendar-feed";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return calendarFeedResponse((await params).token);
}
