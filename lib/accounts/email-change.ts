// A parent moves their account to another email address (e.g. after their old one bounced): a signed
// link (24 hours) is sent to the new address, and its page's button makes the change, so the parent
// proves they read that mailbox. The change also ends a bounce or complaint suppression: the new address
// starts clean. The sign-in limits (lib/auth/sign-in-limits.ts) count these emails too.
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";
import { readEmail } from "@/lib/server/form-input";
import { emailChangeEmail } from "@/lib/email/email-change-email";
import { sendMail } from "@/lib/email/send-mail";
import type { Env } from "@/lib/server/env";
import { allowSignInEmail, signInRefusalMessage } from "@/lib/auth/sign-in-limits";
import { requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

export type EmailChangeRequest = { ok: true; email: string } | { ok: false; error: string };

export async function requestEmailChange(
  db: PrismaClient,
  env: Env,
  userId: string,
  raw: string,
  client: string,
  now = new Date(),
): Promise<EmailChangeRequest> {
  const { email, error } = readEmail(raw);
  if (error !== undefined) return { ok: false, error };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (user.email === email) return { ok: false, error: "That is already your address." };
  const refused = await allowSignInEmail(db, email, { client });
  if (refused) return { ok: false, error: signInRefusalMessage(refused) };
  // The link names the address it moves from too: once the account has moved (by this link or
  // another), it no longer matches, so a link works once.
  const token = signLink(requireLinkSecret(env), "email-change", `${userId} ${email} ${user.email}`, {
    ttlMs: EMAIL_CHANGE_TTL_MS,
    now,
  });
  await sendMail(emailChangeEmail(email, `${env.APP_URL}/email-change/${token}`), env);
  return { ok: true, email };
}

/** What a link asks for, if it is authentic and current: the account and the new address. */
export function readEmailChange(env: Env, token: string, now = new Date()) {
  const link = verifyLink(requireLinkSecret(env), token, "email-change", now);
  if (!link) return null;
  const [userId, email, from] = link.subject.split(" ");
  if (!userId || !email || !from) return null;
  return { userId, email, from };
}

/**
 * The change, on the button's POST: "changed" (or already done by this link), "taken" by another
 * account, "used" when the account has moved to another address since the link was sent, or
 * "invalid". A change signs the account out everywhere but the browser that pressed the button
 * (`keepSession`, its session token, if it is signed in to this account).
 */
export async function confirmEmailChange(
  db: PrismaClient,
  env: Env,
  token: string,
  options: { now?: Date; keepSession?: string } = {},
): Promise<"changed" | "taken" | "used" | "invalid"> {
  const now = options.now ?? new Date();
  const change = readEmailChange(env, token, now);
  if (!change) return "invalid";
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: change.userId, email: change.from },
        data: {
          email: change.email,
          emailVerified: now,
          mailSuppressedAt: null,
          mailSuppressedReason: null,
          softBounces: 0,
        },
      });
      if (updated.count === 0) {
        const user = await tx.user.findUnique({ where: { id: change.userId }, select: { email: true } });
        if (!user) return "invalid" as const;
        return user.email === change.email ? ("changed" as const) : ("used" as const);
      }
      await tx.session.deleteMany({
        where: {
          userId: change.userId,
          ...(options.keepSession ? { NOT: { sessionToken: options.keepSession } } : {}),
        },
      });
      return "changed" as const;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "taken";
    throw error;
  }
}

/**
 * What a confirmation link would do, read without changing anything (its page, opened again or
 * after Back, says so before the button): "pending", "changed" (the account already has the new
 * address), "used" (it has moved to another since), or "invalid".
 */
export async function emailChangeState(
  env: Env,
  token: string,
  db: PrismaClient = getDb(),
  now = new Date(),
): Promise<"pending" | "changed" | "used" | "invalid"> {
  const change = readEmailChange(env, token, now);
  if (!change) return "invalid";
  const user = await db.user.findUnique({ where: { id: change.userId }, select: { email: true } });
  if (!user) return "invalid";
  if (user.email === change.from) return "pending";
  return user.email === change.email ? "changed" : "used";
}
