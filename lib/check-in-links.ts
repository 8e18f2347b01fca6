// "We talked" links in reminder emails: signed, for one child and one topic, valid for 35 days,
// and recording at most one talk each.
import { getEnv } from "@/lib/env";
import { signLink, verifyLink, type LinkPayload } from "@/lib/signed-links";

export const CHECK_IN_LINK_TTL_MS = 35 * 24 * 60 * 60 * 1000;

export function linkSecret(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start the app with `npm start`, or set AUTH_SECRET.");
  return secret;
}

export function checkInLink(
  childId: string,
  topic: string,
  now = new Date(),
  env: { AUTH_SECRET?: string; APP_URL: string } = getEnv(),
): string {
  const secret = env.AUTH_SECRET ?? linkSecret();
  const token = signLink(secret, "checkin", childId, { topic, ttlMs: CHECK_IN_LINK_TTL_MS, now });
  return `${env.APP_URL}/checkin/${token}`;
}

export function readCheckInToken(token: string, now = new Date()): LinkPayload | null {
  return verifyLink(linkSecret(), token, "checkin", now);
}
