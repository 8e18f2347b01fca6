// The List-Unsubscribe address in reminder emails. POST is the one-click unsubscribe (RFC 8058);
// GET, which mail scanners also follow, changes nothing and shows a confirmation page.
import { unsubscribeByLink } from "@/lib/email/email-actions";
import { getEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return unsubscribeByLink((await params).token);
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return Response.redirect(`${getEnv().APP_URL}/unsubscribe/${(await params).token}`, 303);
}
