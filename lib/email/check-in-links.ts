// "We talked" links in reminder emails: signed, for one child and one topic, valid for 35 days,
// and recording at most one talk each.
import { isTopic } from "@/lib/guides/taxonomy";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { requireLinkSecret, signLink, verifyLink, type LinkPayload } from "@/lib/server/signed-links";
import type { PrismaClient } from "@/prisma/generated/client";

export const CHECK_IN_LINK_TTL_MS = 35 * 24 * 60 * 60 * 1000;

export function checkInLink(
  childId: string,
  topic: string,
  now = new Date(),
  env: { AUTH_SECRET?: string; APP_URL: string } = getEnv(),
): string {
  const token = signLink(requireLinkSecret(env), "checkin", childId, {
    topic,
    ttlMs: CHECK_IN_LINK_TTL_MS,
    now,
  });
  return `${env.APP_URL}/checkin/${token}`;
}

export function readCheckInToken(token: string, now = new Date()): LinkPayload | null {
  return verifyLink(requireLinkSecret(), token, "checkin", now);
}

/**
 * What a "We talked" link's page shows: the child and topic it stands for and whether the talk is
 * already logged, or null when the link is not valid (tampered, expired, child deleted).
 */
export async function checkInLinkState(token: string, db: PrismaClient = getDb()) {
  const linked = await linkedChild(db, token);
  if (!linked) return null;
  const recorded = await db.checkIn.findUnique({ where: { linkId: linked.linkId }, select: { id: true } });
  return { child: linked.child, topic: linked.topic, recorded: recorded !== null };
}

/** Records the talk a "We talked" link stands for, once: the button's POST, never the link's GET. */
export async function recordTalkFromLink(db: PrismaClient, token: string): Promise<void> {
  const linked = await linkedChild(db, token);
  if (!linked) return;
  await db.checkIn
    .create({ data: { childId: linked.child.id, topic: linked.topic, linkId: linked.linkId } })
    .catch((error: { code?: string }) => {
      if (error.code !== "P2002") throw error; // already recorded through this link
    });
}

/** The child and topic a valid "We talked" token stands for, or null (tampered, expired, child gone). */
async function linkedChild(db: PrismaClient, token: string) {
  const link = readCheckInToken(token);
  if (!link || !link.topic || !isTopic(link.topic)) return null;
  const child = await db.child.findUnique({ where: { id: link.subject }, select: { id: true, label: true } });
  return child ? { child, topic: link.topic, linkId: link.id } : null;
}
