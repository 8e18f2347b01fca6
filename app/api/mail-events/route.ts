// POST: bounces and complaints from the mail provider (lib/email/mail-events.ts, mail-suppression.ts).
// Amazon SES through SNS, or the generic JSON form; a 404 unless MAIL_EVENTS_TOKEN is set, a 401 without it.
import { handleMailEvents } from "@/lib/email/mail-events";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleMailEvents(request);
}
