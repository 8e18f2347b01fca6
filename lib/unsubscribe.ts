// Stopping reminder emails for one plan from a link in the email, with no sign-in (RFC 8058).
import type { PrismaClient } from "@/prisma/generated/client";
import { linkSecret } from "@/lib/check-in-links";
import { verifyLink } from "@/lib/signed-links";

/** Turns email off for the plan the token names. False when the token is not valid. */
export async function unsubscribe(db: PrismaClient, token: string, secret = linkSecret()): Promise<boolean> {
  const link = verifyLink(secret, token, "unsubscribe");
  if (!link) return false;
  await db.checkInPlan.updateMany({ where: { id: link.subject }, data: { emailEnabled: false } });
  return true;
}
