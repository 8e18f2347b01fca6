// The sign-in link in an email, and the page it opens. The link names Auth.js's callback; a GET of it
// is sent on to /signin/confirm, whose button POSTs it, so that mail scanners opening links use up
// nothing and nobody is signed in without pressing the button.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/prisma/generated/client";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { isLoopbackHost } from "@/lib/server/peer.mjs";

export type SignInLink = { callbackUrl: string; token: string; email: string };

const linkSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{16,128}$/),
  email: z.string().min(3).max(320).includes("@"),
  callbackUrl: z.string().max(2000).default("/account"),
});

/** The link's parts from a query, or null when any is missing or malformed. */
export function signInLinkParams(query: Record<string, string | string[] | undefined>): SignInLink | null {
  const parsed = linkSchema.safeParse(query);
  return parsed.success ? parsed.data : null;
}

/**
 * Where a GET of Auth.js's email callback goes instead of using the token: the confirmation page
 * with the same query. Null for every other Auth.js URL.
 */
export function confirmationFor(url: URL, appUrl: string): string | null {
  if (!url.pathname.replace(/\/+$/, "").endsWith("/api/auth/callback/email")) return null;
  return `${appUrl}/signin/confirm${url.search}`;
}

/**
 * True when a callbackUrl Auth.js would check (the query's, or the cookie it keeps) is not a web
 * address: Auth.js answers those with a 500, as if its own configuration were wrong.
 */
export function hasBrokenCallbackUrl(
  url: URL,
  cookies: { get(name: string): { value: string } | undefined },
): boolean {
  const values = [
    url.searchParams.get("callbackUrl"),
    cookies.get("authjs.callback-url")?.value,
    cookies.get("__Secure-authjs.callback-url")?.value,
  ];
  return values.some((value) => value && !isWebAddress(value, url.origin));
}

function isWebAddress(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js's answer with its redirect on APP_URL. Auth.js builds some redirects (its error page) from the
 * request's origin, and Next.js names a loopback address "localhost" there: with APP_URL on 127.0.0.1
 * the browser was sent to another origin, which the page's form-action policy then blocked, so a used
 * link's button seemed to do nothing. Only a same-site path on a loopback host is moved; anything else is
 * passed on as it is.
 */
export function onAppUrl(response: Response, appUrl: string): Response {
  const location = response.headers.get("location");
  if (!location || !/^https?:\/\//.test(location)) return response;
  const target = new URL(location);
  const app = new URL(appUrl);
  if (target.origin === app.origin || !isLoopbackHost(target.host) || target.port !== app.port)
    return response;
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers.set(name, value);
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  headers.set("location", `${app.origin}${target.pathname}${target.search}`);
  return new Response(response.body, { status: response.status, headers });
}

type LinkCheck = { db?: PrismaClient; secret?: string; now?: Date };

/**
 * Whether a sign-in link's token can still sign in: Auth.js keeps a token hashed with the secret
 * (sha256 of token and secret, as @auth/core's callback looks it up) until it is used or purged.
 * Reading it changes nothing, so the page a link opens can say at once that it was used or expired.
 */
export async function signInLinkIsLive(
  link: SignInLink,
  { db = getDb(), secret = getEnv().AUTH_SECRET ?? "", now = new Date() }: LinkCheck = {},
): Promise<boolean> {
  const token = createHash("sha256").update(`${link.token}${secret}`).digest("hex");
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: link.email, token } },
    select: { expires: true },
  });
  return row !== null && row.expires > now;
}
