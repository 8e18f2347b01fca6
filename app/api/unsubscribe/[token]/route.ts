// The List-Unsubscribe address in reminder emails. POST is the one-click unsubscribe (RFC 8058);
// GET, which mail scanners also follow, changes nothing and shows a confirmation page.
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { applyEmailAction } from "@/lib/email-actions";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { ok } = await applyEmailAction(getDb(), "unsubscribe", (await params).token);
  return new Response(
    ok ? "Unsubscribed: no more reminder emails for this plan." : "This link is not valid.",
    {
      status: ok ? 200 : 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    },
  );
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return Response.redirect(`${getEnv().APP_URL}/unsubscribe/${(await params).token}`, 303);
}
