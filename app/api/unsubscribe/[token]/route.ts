// The List-Unsubscribe address in reminder emails. POST is the one-click unsubscribe (RFC 8058);
// GET, which mail scanners also follow, changes nothing and shows a confirmation page.
import { EMAIL_ACTION_PATHS, unsubscribeActionOf, unsubscribeByLink } from "@/lib/email/email-actions";
import { getEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return unsubscribeByLink((await params).token);
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A household email's token opens the page that stops every child's emails, and says so.
  const path = EMAIL_ACTION_PATHS[unsubscribeActionOf(token)];
  return Response.redirect(`${getEnv().APP_URL}${path}/${token}`, 303);
}
