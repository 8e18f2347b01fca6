// Signed, single-purpose, expiring links for actions taken from an email without signing in
// (e.g. "We talked"). HMAC-SHA256 with AUTH_SECRET over the purpose, subject, expiry and an id.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/server/env";

/** The secret every signed link and link hash is made with: AUTH_SECRET, or an error saying how to set it. */
export function requireLinkSecret(env: { AUTH_SECRET?: string } = getEnv()): string {
  if (!env.AUTH_SECRET) {
    throw new Error("AUTH_SECRET is not set: start the app with `npm start`, or set AUTH_SECRET.");
  }
  return env.AUTH_SECRET;
}

export type LinkPurpose =
  | "checkin"
  | "unsubscribe"
  | "stop-household"
  | "pause"
  | "skip"
  | "remind"
  | "email-change"
  | "school-invite"
  | "school-choice";

const payloadSchema = z.object({
  p: z.string(), // purpose
  s: z.string(), // subject, e.g. a child's id
  t: z.string().optional(), // topic, for check-ins
  e: z.number().int(), // expiry, seconds since the epoch
  i: z.string(), // link id
});

export type LinkPayload = {
  purpose: LinkPurpose;
  subject: string;
  topic?: string;
  expires: Date;
  id: string;
};

export function signLink(
  secret: string,
  purpose: LinkPurpose,
  subject: string,
  options: { topic?: string; ttlMs: number; now?: Date },
): string {
  const now = options.now ?? new Date();
  const payload = {
    p: purpose,
    s: subject,
    t: options.topic,
    e: Math.floor((now.getTime() + options.ttlMs) / 1000),
    i: randomBytes(12).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The link's payload if it is authentic, for `purpose`, and not expired; otherwise null. */
export function verifyLink(
  secret: string,
  token: string,
  purpose: LinkPurpose,
  now = new Date(),
): LinkPayload | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed;
  try {
    parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.p !== purpose) return null;
  if (parsed.data.e * 1000 <= now.getTime()) return null;
  return {
    purpose,
    subject: parsed.data.s,
    topic: parsed.data.t,
    expires: new Date(parsed.data.e * 1000),
    id: parsed.data.i,
  };
}

function mac(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}

/** A token from a URL path segment, decoded; a broken %-sequence reads as "" (an invalid token, not a 500). */
export function tokenFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

/** The props of a page opened from an emailed link, /…/<token>, and ?done= once its button was pressed. */
export type LinkPageProps = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** Such a page's token, decoded, and what its button did (`done`), if it was pressed. */
export async function linkPageInput({ params, searchParams }: LinkPageProps) {
  return { token: tokenFromPath((await params).token), done: (await searchParams).done };
}
