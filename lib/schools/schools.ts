// A school's own place on Talk Often: registering it, finding it, and deleting it. Its contacts and
// invitations: school-contacts.ts; the anonymous count of sign-ups and the families who chose to be
// counted: school-counting.ts. A school is never told who a family is: what it sees is in school-counts.ts.
import { z } from "zod";
import type { PrismaClient } from "@/prisma/generated/client";
import { newSchoolCode, readSchoolCode } from "@/lib/schools/school-code";
import { oneLine, SCHOOL_NAME_MAX, schoolNameSchema } from "@/lib/schools/school-kit";
import { getDb, type Transaction } from "@/lib/server/db";
import { allow, isOverLimit, waitThenTryAgain, type Limit } from "@/lib/server/rate-limit";

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
        form: `Too many schools have been registered just now. ${waitThenTryAgain(REGISTER_PER_CLIENT)}`,
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

/** Deletes a school: its contacts, counters and families' choices go; the families' plans stay. */
export async function deleteSchool(db: PrismaClient, school: SchoolForContact): Promise<void> {
  await db.school.deleteMany({ where: { id: school.id } });
}

/** After an account is deleted: schools it was the last contact of go too (nobody could see them). */
export async function deleteSchoolsWithoutContacts(tx: Transaction, schoolIds: string[]): Promise<void> {
  if (schoolIds.length === 0) return;
  await tx.school.deleteMany({ where: { id: { in: schoolIds }, contacts: { none: {} } } });
}
