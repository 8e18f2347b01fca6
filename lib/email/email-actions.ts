// What a parent can do from a reminder email without signing in, each by a signed link whose page
// (GET) only asks, and whose POST acts: stop the emails for a plan (also the RFC 8058 one-click
// unsubscribe), stop a household email (every child's emails), pause the plan, or skip this month's
// talk. Each is idempotent, so following a link twice changes nothing more.
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";
import { type LinkPurpose, requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";
import { ageGroupOn, findAgeGroup, type ChildAge } from "@/lib/guides/age-groups";

export type EmailAction = "unsubscribe" | "stop-household" | "pause" | "skip";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each link works: skipping is about this month; stopping and pausing work for a year and more. */
export const EMAIL_ACTION_TTL_MS: Record<EmailAction, number> = {
  unsubscribe: 400 * DAY_MS,
  "stop-household": 400 * DAY_MS,
  pause: 400 * DAY_MS,
  skip: 35 * DAY_MS,
};

/** The page that confirms each action. The one-click unsubscribe POST goes to /api/unsubscribe. */
export const EMAIL_ACTION_PATHS: Record<EmailAction, string> = {
  unsubscribe: "/unsubscribe",
  "stop-household": "/unsubscribe/household",
  pause: "/reminders/pause",
  skip: "/reminders/skip",
};

/**
 * The signed token for `action`: its subject is the plan (unsubscribe, pause), the parent
 * (stop-household) or this month's delivery (skip).
 */
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
  if (action === "stop-household") {
    const parent = await db.user.findUnique({ where: { id: link.subject }, select: { id: true } });
    if (!parent) return { ok: false, reason: "gone" };
    await db.checkInPlan.updateMany({
      where: { child: { userId: parent.id } },
      data: { emailEnabled: false },
    });
    return { ok: true };
  }
  const data = action === "pause" ? { paused: true } : { emailEnabled: false };
  const changed = await db.checkInPlan.updateMany({ where: { id: link.subject }, data });
  return changed.count ? { ok: true } : { ok: false, reason: "gone" };
}

/** Which stop a List-Unsubscribe token stands for: one child's emails, or the household's. */
export function unsubscribeActionOf(
  token: string,
  secret = requireLinkSecret(),
): "unsubscribe" | "stop-household" {
  return verifyLink(secret, token, "stop-household") ? "stop-household" : "unsubscribe";
}

/** The one-click unsubscribe (RFC 8058) of a reminder email's List-Unsubscribe address. */
export async function unsubscribeByLink(token: string, db: PrismaClient = getDb()): Promise<Response> {
  const action = unsubscribeActionOf(token);
  const { ok } = await applyEmailAction(db, action, token);
  const done =
    action === "stop-household"
      ? "Unsubscribed: no more reminder emails for any of your children."
      : "Unsubscribed: no more reminder emails for this plan.";
  return new Response(ok ? done : "This link is not valid.", {
    status: ok ? 200 : 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Who an email link's page is about, so that it can name them: the child of the plan or delivery and
 * how many other children have check-ins, or for a household stop every child. Null when the link is
 * not valid for `action` or what it names is gone.
 */
export async function emailActionSubject(
  action: EmailAction,
  token: string,
  {
    db = getDb(),
    secret = requireLinkSecret(),
    now = new Date(),
  }: { db?: PrismaClient; secret?: string; now?: Date } = {},
): Promise<{ children: ChildName[]; others: number } | null> {
  const link = verifyLink(secret, token, action, now);
  if (!link) return null;
  const child = { select: { label: true, ageGroup: true, birthYear: true, birthMonth: true, userId: true } };
  const named =
    action === "stop-household"
      ? null
      : action === "skip"
        ? (
            await db.delivery.findUnique({
              where: { id: link.subject },
              select: { plan: { select: { child } } },
            })
          )?.plan.child
        : (await db.checkInPlan.findUnique({ where: { id: link.subject }, select: { child } }))?.child;
  const userId = action === "stop-household" ? link.subject : named?.userId;
  if (!userId) return null;
  const household = await db.child.findMany({
    where: { userId, plan: { isNot: null } },
    select: { label: true, ageGroup: true, birthYear: true, birthMonth: true },
    orderBy: { createdAt: "asc" },
  });
  if (!named) return { children: household.map((c) => childName(c, now)), others: 0 };
  return { children: [childName(named, now)], others: Math.max(0, household.length - 1) };
}

type ChildName = string;

/** A child as an email page names them: their nickname, or "your child aged 8 to 10". */
export function childName(child: ChildAge & { label: string | null }, now: Date): ChildName {
  if (child.label) return child.label;
  const group = findAgeGroup(ageGroupOn(child, now))!;
  return `your child aged ${group.from} to ${group.to}`;
}
