// A school's own place on Talk Often: registering it, its contacts (members of staff, by the same
// email sign-in as parents), invitations, removal and deletion, the anonymous count of sign-ups through
// its links, and the families who chose to be counted. A school is never told who a family is: what it
// sees is in school-counts.ts.
import { z } from "zod";
import type { PrismaClient } from "@/prisma/generated/client";
import { ageGroupOn, type ChildAge } from "@/lib/guides/age-groups";
import { emailSchema, isRowId } from "@/lib/server/form-input";
import { schoolInviteEmail } from "@/lib/email/school-invite-email";
import { sendMail } from "@/lib/email/send-mail";
import { newSchoolCode, readSchoolCode } from "@/lib/schools/school-code";
import { oneLine, SCHOOL_NAME_MAX, schoolNameSchema } from "@/lib/schools/school-kit";
import { termOf } from "@/lib/schools/school-terms";
import { getDb } from "@/lib/server/db";
import type { Env } from "@/lib/server/env";
import { createHmac } from "node:crypto";
import { requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";
import { allowSignInEmail, signInRefusalMessage } from "@/lib/auth/sign-in-limits";
import { allow, isOverLimit, type Limit } from "@/lib/server/rate-limit";

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Registering, like asking for sign-in links: 3 per account and 10 per client in 15 minutes. */
export const REGISTER_PER_ACCOUNT: Limit = { name: "school-account", max: 3, windowMs: 15 * 60_000 };
export const REGISTER_PER_CLIENT: Limit = { name: "school-client", max: 10, windowMs: 15 * 60_000 };
export const MAX_CONTACTS = 20;
/**
 * Codes that are no school's, tried by one client: 30 in 15 minutes, as many as a person mistyping
 * ever needs. Past that, every code reads as unknown to that client, so codes cannot be found by trying.
 */
export const CODE_GUESSES_PER_CLIENT: Limit = { name: "school-code-guess", max: 30, windowMs: 15 * 60_000 };
/** Invitations a school may send, whoever asks for them: 20 a day (on top of the sign-in limits). */
export const INVITES_PER_SCHOOL: Limit = { name: "school-invites", max: 20, windowMs: 24 * 60 * 60_000 };
/** A name is not a place to put a link for the emails and letters it goes into. */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/|@/i;
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const schoolFormSchema = z.object({
  name: schoolNameSchema.pipe(
    z
      .string()
      .min(2, "Enter the school's name (at least 2 characters).")
      .refine((name) => !WEB_ADDRESS.test(name), "Enter the school's name without a web address."),
  ),
  authority: z
    .string()
    .default("")
    .pipe(oneLine)
    .pipe(
      z
        .string()
        .max(SCHOOL_NAME_MAX, `The local authority or trust can be at most ${SCHOOL_NAME_MAX} characters.`),
    ),
});

export type SchoolFormResult =
  { ok: true; code: string } | { ok: false; errors: Partial<Record<"name" | "authority" | "form", string>> };

/** A new school with the signed-in person as its first contact, and its code; or what is wrong. */
export async function registerSchool(
  db: PrismaClient,
  userId: string,
  values: Record<string, string>,
  client: string,
  now = new Date(),
): Promise<SchoolFormResult> {
  const parsed = schoolFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<"name" | "authority", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "authority" ? "authority" : "name";
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const [byAccount, byClient] = await Promise.all([
    allow(db, REGISTER_PER_ACCOUNT, userId, now),
    allow(db, REGISTER_PER_CLIENT, client, now),
  ]);
  if (!byAccount || !byClient) {
    return {
      ok: false,
      errors: {
        form: "Too many schools have been registered just now. Please wait 15 minutes, then try again.",
      },
    };
  }
  for (let attempt = 0; ; attempt++) {
    const code = newSchoolCode();
    try {
      await db.school.create({
        data: {
          code,
          name: parsed.data.name,
          authority: parsed.data.authority || null,
          contacts: { create: { userId } },
        },
      });
      return { ok: true, code };
    } catch (error) {
      // One chance in about a billion per school: draw again.
      if ((error as { code?: string }).code !== "P2002" || attempt >= 4) throw error;
    }
  }
}

/** The schools someone is a contact of, by name. */
export async function schoolsOf(userId: string, db: PrismaClient = getDb()) {
  return db.school.findMany({
    where: { contacts: { some: { userId } } },
    select: { code: true, name: true, authority: true },
    orderBy: { name: "asc" },
  });
}

/** A school by a code as typed (O for 0, any case), for anyone: its name only. Null when unknown. */
export async function schoolByCode(typed: string, db: PrismaClient = getDb()) {
  const code = readSchoolCode(typed);
  if (!code) return null;
  return db.school.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
}

/**
 * The school a code typed into a public link names, for `client`: each code that is no school's counts
 * against CODE_GUESSES_PER_CLIENT, and past that limit every code, real or not, reads as unknown.
 */
export async function schoolForVisitor(
  code: string,
  client: string,
  db: PrismaClient = getDb(),
  now = new Date(),
) {
  const school = await schoolByCode(code, db);
  if (!school) {
    await allow(db, CODE_GUESSES_PER_CLIENT, client, now);
    return null;
  }
  return (await isOverLimit(db, CODE_GUESSES_PER_CLIENT, client, now)) ? null : school;
}

/** The school and its contacts, if `userId` is one of them; null otherwise (the page is then a 404). */
export async function schoolForContact(userId: string, typed: string, db: PrismaClient = getDb()) {
  const code = readSchoolCode(typed);
  if (!code) return null;
  const school = await db.school.findUnique({
    where: { code },
    include: {
      contacts: { include: { user: { select: { id: true, email: true } } }, orderBy: { createdAt: "asc" } },
      invitations: {
        where: { expiresAt: { gt: new Date() } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return school?.contacts.some((contact) => contact.userId === userId) ? school : null;
}

export type SchoolForContact = NonNullable<Awaited<ReturnType<typeof schoolForContact>>>;

/**
 * Counts one sign-up through a school's link for the term it happens in: one statement that adds one
 * to the number, and does nothing when the code is no longer a school's (it was deleted).
 */
export async function countSignUp(
  tx: Transaction,
  code: string,
  child: ChildAge & { userId: string },
  now = new Date(),
) {
  const ageGroup = ageGroupOn(child, now);
  const term = termOf(now);
  // A family counts once a term, whatever it adds or removes: its mark goes in first, and only a new
  // mark adds one to the counter (both in the caller's transaction).
  const marked = await tx.$executeRaw`
    INSERT INTO "SchoolSignUpFamily" ("schoolId", "term", "family")
    SELECT "id", ${term}, ${familyKey(child.userId)} FROM "School" WHERE "code" = ${code}
    ON CONFLICT DO NOTHING`;
  if (marked === 0) return;
  await tx.$executeRaw`
    INSERT INTO "SchoolSignUps" ("schoolId", "term", "ageGroup", "count")
    SELECT "id", ${term}, ${ageGroup}, 1 FROM "School" WHERE "code" = ${code}
    ON CONFLICT ("schoolId", "term", "ageGroup") DO UPDATE SET "count" = "SchoolSignUps"."count" + 1`;
}

/** The account's mark in SchoolSignUpFamily: an HMAC of its id, meaningless without AUTH_SECRET. */
function familyKey(userId: string): string {
  return createHmac("sha256", requireLinkSecret())
    .update(`school-family:${userId}`)
    .digest("hex")
    .slice(0, 64);
}

/** The parent's choice to let a school count their family, for one of their children. */
export async function countFamily(
  db: PrismaClient,
  userId: string,
  childId: string,
  typedCode: string,
): Promise<{ name: string } | "not-found"> {
  if (!isRowId(childId)) return "not-found";
  const [child, school] = await Promise.all([
    db.child.findFirst({ where: { id: childId, userId }, select: { id: true } }),
    schoolByCode(typedCode, db),
  ]);
  if (!child || !school) return "not-found";
  await db.schoolFamily.createMany({ data: [{ schoolId: school.id, childId }], skipDuplicates: true });
  return { name: school.name };
}

/** Takes a child's family out of a school's counts (from the account page). */
export async function stopCounting(
  db: PrismaClient,
  userId: string,
  childId: string,
  schoolId: string,
): Promise<"ok" | "not-found"> {
  if (!isRowId(childId) || !isRowId(schoolId)) return "not-found";
  const { count } = await db.schoolFamily.deleteMany({ where: { childId, schoolId, child: { userId } } });
  return count ? "ok" : "not-found";
}

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
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const email = parsed.data;
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
  if (!isRowId(invitationId)) return "not-found";
  const { count } = await db.schoolInvitation.deleteMany({
    where: { id: invitationId, schoolId: school.id },
  });
  return count ? "ok" : "not-found";
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

/** Deletes a school: its contacts, counters and families' choices go; the families' plans stay. */
export async function deleteSchool(db: PrismaClient, school: SchoolForContact): Promise<void> {
  await db.school.deleteMany({ where: { id: school.id } });
}

/** After an account is deleted: schools it was the last contact of go too (nobody could see them). */
export async function deleteSchoolsWithoutContacts(tx: Transaction, schoolIds: string[]): Promise<void> {
  if (schoolIds.length === 0) return;
  await tx.school.deleteMany({ where: { id: { in: schoolIds }, contacts: { none: {} } } });
}
