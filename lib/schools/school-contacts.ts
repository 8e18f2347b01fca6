// A school's contacts (members of staff, by the same email sign-in as parents): inviting a colleague,
// the invitation's link, accepting or cancelling it, and removing a contact.
import type { PrismaClient } from "@/prisma/generated/client";
import { deleteOwn, readEmail, isRowId } from "@/lib/server/form-input";
import { schoolInviteEmail } from "@/lib/email/school-invite-email";
import { sendMail } from "@/lib/email/send-mail";
import { getDb } from "@/lib/server/db";
import type { Env } from "@/lib/server/env";
import { requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";
import { allowSignInEmail, signInRefusalMessage } from "@/lib/auth/sign-in-limits";
import { allow } from "@/lib/server/rate-limit";
import {
  INVITE_TTL_MS,
  INVITES_PER_SCHOOL,
  MAX_CONTACTS,
  type SchoolForContact,
} from "@/lib/schools/schools";

export type InviteResult = { ok: true; email: string } | { ok: false; error: string };

/**
 * A contact invites a colleague: a signed 7-day link to their address, naming an invitation row, whose
 * page's button makes them a contact, once. A new invitation to the same address replaces the old one
 * (its link stops working). The sign-in limits (lib/auth/sign-in-limits.ts) count these
 * emails too.
 */
export async function inviteContact(
  db: PrismaClient,
  env: Env,
  school: SchoolForContact,
  from: string,
  raw: string,
  client: string,
  now = new Date(),
): Promise<InviteResult> {
  const { email, error } = readEmail(raw);
  if (error !== undefined) return { ok: false, error };
  if (school.contacts.some((contact) => contact.user.email === email)) {
    return { ok: false, error: `${email} is already a contact for ${school.name}.` };
  }
  if (school.contacts.length >= MAX_CONTACTS) {
    return { ok: false, error: `A school can have up to ${MAX_CONTACTS} contacts. Remove one first.` };
  }
  const refused = await allowSignInEmail(db, email, { client }, now);
  if (refused) return { ok: false, error: signInRefusalMessage(refused) };
  if (!(await allow(db, INVITES_PER_SCHOOL, school.id, now))) {
    return {
      ok: false,
      error: `A school can send up to ${INVITES_PER_SCHOOL.max} invitations a day. Please try again tomorrow.`,
    };
  }
  const invitation = await db.$transaction(async (tx) => {
    await tx.schoolInvitation.deleteMany({ where: { schoolId: school.id, email } });
    return tx.schoolInvitation.create({
      data: { schoolId: school.id, email, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
    });
  });
  const token = signLink(requireLinkSecret(env), "school-invite", invitation.id, {
    ttlMs: INVITE_TTL_MS,
    now,
  });
  await sendMail(schoolInviteEmail(email, school.name, from, `${env.APP_URL}/school/join/${token}`), env);
  return { ok: true, email };
}

/** What an invitation link offers, if it is authentic, not used, cancelled or replaced, and current. */
export async function readInvitation(token: string, env: Env, db: PrismaClient = getDb(), now = new Date()) {
  const link = verifyLink(requireLinkSecret(env), token, "school-invite", now);
  if (!link || !isRowId(link.subject)) return null;
  const invitation = await db.schoolInvitation.findUnique({
    where: { id: link.subject },
    include: { school: { select: { id: true, code: true, name: true } } },
  });
  return invitation && invitation.expiresAt > now ? invitation : null;
}

/**
 * The invitation's button: the address becomes a contact (its account is made if it has none: the link
 * proved the address, as a sign-in link does) and the invitation is used up. "full" at the most
 * contacts. Under a lock on the school, so that acceptances at once cannot both take the last place.
 */
export async function acceptInvitation(
  db: PrismaClient,
  env: Env,
  token: string,
  now = new Date(),
): Promise<{ code: string; email: string } | "full" | "invalid"> {
  const read = await readInvitation(token, env, db, now);
  if (!read) return "invalid";
  const { school, email } = read;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "School" WHERE "id" = ${school.id} FOR UPDATE`;
    // Still there under the lock: not used, cancelled or replaced meanwhile.
    const invitation = await tx.schoolInvitation.findUnique({ where: { id: read.id } });
    if (!invitation || invitation.expiresAt <= now) return "invalid" as const;
    const user = await tx.user.upsert({
      where: { email },
      create: { email, emailVerified: now },
      update: {},
      select: { id: true },
    });
    const already = await tx.schoolContact.findUnique({
      where: { schoolId_userId: { schoolId: school.id, userId: user.id } },
    });
    if (!already) {
      if ((await tx.schoolContact.count({ where: { schoolId: school.id } })) >= MAX_CONTACTS)
        return "full" as const;
      await tx.schoolContact.create({ data: { schoolId: school.id, userId: user.id } });
    }
    await tx.schoolInvitation.delete({ where: { id: invitation.id } });
    return { code: school.code, email };
  });
}

/** A contact cancels an invitation that is still waiting: its link stops working. */
export async function cancelInvitation(
  db: PrismaClient,
  school: SchoolForContact,
  invitationId: string,
): Promise<"ok" | "not-found"> {
  return deleteOwn(invitationId, (id) =>
    db.schoolInvitation.deleteMany({ where: { id, schoolId: school.id } }),
  );
}

/**
 * A contact removes another contact, or themselves. The last contact cannot leave: they delete the school
 * instead (under a lock, so that two contacts removing each other at once cannot leave none).
 */
export async function removeContact(
  db: PrismaClient,
  school: SchoolForContact,
  contactUserId: string,
): Promise<"ok" | "last" | "not-found"> {
  if (!isRowId(contactUserId)) return "not-found";
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "School" WHERE "id" = ${school.id} FOR UPDATE`;
    const contacts = await tx.schoolContact.findMany({
      where: { schoolId: school.id },
      select: { userId: true },
    });
    if (!contacts.some((contact) => contact.userId === contactUserId)) return "not-found" as const;
    if (contacts.length === 1) return "last" as const;
    await tx.schoolContact.delete({
      where: { schoolId_userId: { schoolId: school.id, userId: contactUserId } },
    });
    // An invitation still waiting for the same address must not bring them back.
    const removed = await tx.user.findUnique({ where: { id: contactUserId }, select: { email: true } });
    if (removed) {
      await tx.schoolInvitation.deleteMany({ where: { schoolId: school.id, email: removed.email } });
    }
    return "ok" as const;
  });
}
