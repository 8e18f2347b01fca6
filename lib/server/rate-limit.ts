// Fixed-window rate limits kept in PostgreSQL, so they hold across app instances. Keys are hashed
// before they are stored: the table never holds an email address or an IP address.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/prisma/generated/client";

export type Limit = { name: string; max: number; windowMs: number };

/** How long to wait before `limit` counts afresh, as a refusal says it: "15 minutes", "an hour", "a day". */
export function waitFor(limit: Limit): string {
  const minutes = Math.round(limit.windowMs / 60_000);
  if (minutes === 60) return "an hour";
  if (minutes === 24 * 60) return "a day";
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

/** "Please wait 15 minutes, then try again.", for a refusal under `limit`. */
export function waitThenTryAgain(limit: Limit): string {
  return `Please wait ${waitFor(limit)}, then try again.`;
}

/** Counts one use of `subject` under `limit`; true when it is still within the limit. */
export async function allow(
  db: PrismaClient,
  limit: Limit,
  subject: string,
  now = new Date(),
): Promise<boolean> {
  const windowStart = windowStartOf(limit, now);
  const key = limitKey(limit, subject);
  // One statement: count this use, and drop windows older than a day (of no further use).
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH "purged" AS (
      DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now.getTime() - 86_400_000)}
    )
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  return (row?.count ?? 0) <= limit.max;
}

/** True when `subject` has already used up `limit` in this window (counts nothing). */
export async function isOverLimit(
  db: PrismaClient,
  limit: Limit,
  subject: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db.rateLimit.findUnique({
    where: { key_windowStart: { key: limitKey(limit, subject), windowStart: windowStartOf(limit, now) } },
    select: { count: true },
  });
  return (row?.count ?? 0) >= limit.max;
}

function windowStartOf(limit: Limit, now: Date): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

function limitKey(limit: Limit, subject: string): string {
  return `${limit.name}:${createHash("sha256").update(subject).digest("hex").slice(0, 40)}`;
}

/**
 * Deletes sign-in tokens past their 24 hours, and schools' invitations past their 7 days. Auth.js deletes a token when it is used; one never used
 * (a link nobody pressed, a /remind request never confirmed) would otherwise stay. Run every minute by
 * the reminder worker. Returns how many went.
 */
export async function purgeExpiredSignInTokens(db: PrismaClient, now = new Date()): Promise<number> {
  const [tokens, invitations, usedRequests] = await Promise.all([
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    // Schools' invitations past their 7 days go the same way (lib/schools/school-contacts.ts).
    db.schoolInvitation.deleteMany({ where: { expiresAt: { lt: now } } }),
    // A used /remind request need only be remembered while its link works (24 hours): two days.
    db.usedRemindRequest.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - 2 * 86_400_000) } } }),
  ]);
  return tokens.count + invitations.count + usedRequests.count;
}
