import type { NextRequest } from "next/server";
import { handlers, withSignInAsker } from "@/lib/auth/auth";
import { confirmationFor, hasBrokenCallbackUrl, onAppUrl } from "@/lib/auth/auth-links";
import { getEnv } from "@/lib/server/env";
import { finishRemindSignIn } from "@/lib/accounts/remind-request";
import { requestClient } from "@/lib/server/request-client";

// A GET (or HEAD) of a sign-in link shows the page with the button; only its POST signs in.
export async function GET(request: NextRequest): Promise<Response> {
  if (hasBrokenCallbackUrl(request.nextUrl, request.cookies)) return badCallbackUrl();
  const confirmation = confirmationFor(request.nextUrl, getEnv().APP_URL);
  if (confirmation) return Response.redirect(confirmation, 303);
  return onAppUrl(await handlers.GET(request), getEnv().APP_URL);
}

// Asking for a sign-in email here counts against the client's limit, as through the form. The
// confirmation email's button (a POST here) makes the /remind request's child and plan.
export async function POST(request: NextRequest): Promise<Response> {
  if (hasBrokenCallbackUrl(request.nextUrl, request.cookies)) return badCallbackUrl();
  const response = await withSignInAsker({ client: requestClient(request.headers).address }, () =>
    handlers.POST(request),
  );
  return finishRemindSignIn(request.nextUrl, onAppUrl(response, getEnv().APP_URL), getEnv().APP_URL);
}

function badCallbackUrl(): Response {
  return new Response("callbackUrl is not a web address.\n", { status: 400 });
}
