// What a parent can do from a reminder email without signing in, each by a signed link whose page
// (GET) only asks, and whose POST acts: stop the emails for a plan (also the RFC 8058 one-click
// unsubscribe), pause the plan, or skip this month's talk. Each is idempotent, so following a link
// twice changes nothing more.
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";
import { type LinkPurpose, requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";

export type EmailAction = "unsubscribe" | "pause" | "skip";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each link works: skipping is about this month; stopping and pausing work for a year and more. */
export const EMAIL_ACTION_TTL_MS: Record<EmailAction, number> = {
  unsubscribe: 400 * DAY_MS,
  pause: 400 * DAY_MS,
  skip: 35 * DAY_MS,
};

/** The page that confirms each action. The one-click unsubscribe POST goes to /api/unsubscribe. */
export const EMAIL_ACTION_PATHS: Record<EmailAction, string> = {
  unsubscribe: "/unsubscribe",
  pause: "/reminders/pause",
  skip: "/reminders/skip",
};

/** The signed token for `action`: its subject is the plan (unsubscribe, pause) or this month's delivery (skip). */
export function emailActionToken(
  secret: string,
  action: EmailAction,
  subject: string,
  now = new Date(),
): string {
  return signLink(secret, action satisfies LinkPurpose, subject, { ttlMs: EMAIL_ACTION_TTL_MS[action], now });
}

/** The address of `action`'s confirmation page for `subject`. */
export function emailActionLink(
  env: { AUTH_SECRET: string; APP_URL: string },
  action: EmailAction,
  subject: string,
  now = new Date(),
): string {
  return `${env.APP_URL}${EMAIL_ACTION_PATHS[action]}/${emailActionToken(env.AUTH_SECRET, action, subject, now)}`;
}

export type EmailActionResult =
  { ok: true; nextDueAt?: Date; timeZone?: string } | { ok: false; reason: "invalid" | "gone" };

/** Acts on the token's plan or delivery. Nothing is changed when the token is not valid for `action`. */
export async function applyEmailAction(
  db: PrismaClient,
  action: EmailAction,
  token: string,
  { secret = requireLinkSecret(), now = new Date() }: { secret?: string; now?: Date } = {},
): Promise<EmailActionResult> {
  const link = verifyLink(secret, token, action, now);
  if (!link) return { ok: false, reason: "invalid" };
  if (action === "skip") {
    const delivery = await db.delivery.findUnique({
      where: { id: link.subject },
      select: { skippedAt: true, plan: { select: { nextDueAt: true, timeZone: true, paused: true } } },
    });
    if (!delivery) return { ok: false, reason: "gone" };
    if (!delivery.skippedAt) {
      await db.delivery.updateMany({
        where: { id: link.subject, skippedAt: null },
        data: { skippedAt: now },
      });
    }
    const { plan } = delivery;
    return plan.paused ? { ok: true } : { ok: true, nextDueAt: plan.nextDueAt, timeZone: plan.timeZone };
  }
  const data = action === "pause" ? { paused: true } : { emailEnabled: false };
  const changed = await db.checkInPlan.updateMany({ where: { id: link.subject }, data });
  return changed.count ? { ok: true } : { ok: false, reason: "gone" };
}

/** The one-click unsubscribe (RFC 8058) of a reminder email's List-Unsubscribe address. */
export async function unsubscribeByLink(token: string, db: PrismaClient = getDb()): Promise<Response> {
  const { ok } = await applyEmailAction(db, "unsubscribe", token);
  return new Response(
    ok ? "Unsubscribed: no more reminder emails for this plan." : "This link is not valid.",
    {
      status: ok ? 200 : 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    },
  );
}
