// Everything we hold about a parent, to take away or to delete in one step.
import { deleteShortLinksOf } from "@/lib/auth/short-links";
import { deleteSchoolsWithoutContacts } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";

/** All of a user's data as plain JSON, without secrets (session and sign-in tokens). */
export async function exportUserData(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      children: {
        include: {
          plan: {
            include: {
              deliveries: { orderBy: { dueAt: "asc" }, include: { history: { orderBy: { number: "asc" } } } },
            },
          },
          checkIns: { orderBy: { talkedAt: "asc" } },
          schools: { include: { school: { select: { name: true } } } },
        },
        orderBy: { createdAt: "asc" },
      },
      sessions: { select: { expires: true, createdAt: true } },
      schools: { include: { school: { select: { name: true, code: true, authority: true } } } },
    },
  });
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: user.email,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
      oneEmailForAllChildren: !user.separateReminders,
      householdCalendar: user.calendarToken !== null,
    },
    sessions: user.sessions,
    schoolContactOf: user.schools.map((c) => ({ ...c.school, since: c.createdAt })),
    children: user.children.map((child) => ({
      label: child.label,
      ageGroup: child.ageGroup,
      birthMonth: child.birthMonth,
      birthYear: child.birthYear,
      createdAt: child.createdAt,
      plan: child.plan && {
        ruleKind: child.plan.ruleKind,
        dayOfMonth: child.plan.dayOfMonth,
        nth: child.plan.nth,
        weekday: child.plan.weekday,
        localTime: child.plan.localTime,
        timeZone: child.plan.timeZone,
        email: child.plan.emailEnabled,
        calendar: child.plan.calendarEnabled,
        paused: child.plan.paused,
        nextDueAt: child.plan.nextDueAt,
        reminders: child.plan.deliveries.map((d) => ({
          month: d.month,
          dueAt: d.dueAt,
          status: d.status,
          sentAt: d.sentAt,
          skippedByYouAt: d.skippedAt,
          attempts: d.history.map((a) => ({ at: a.at, outcome: a.outcome, error: a.error })),
        })),
      },
      checkIns: child.checkIns.map((c) => ({ topic: c.topic, note: c.note, talkedAt: c.talkedAt })),
      countedBySchools: child.schools.map((link) => ({ school: link.school.name, since: link.createdAt })),
    })),
  };
}

/**
 * Deletes the user and everything that belongs to them, in one transaction: sessions, accounts,
 * children, plans, check-ins and schools' counting of them (by cascade), their unused sign-in tokens
 * and the short links to them,
 * and any school they were the last contact of.
 */
export async function deleteUserData(db: PrismaClient, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return;
    await deleteShortLinksOf(tx, user.email);
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    const schools = await tx.schoolContact.findMany({
      where: { userId },
      select: { schoolId: true },
      orderBy: { schoolId: "asc" },
    });
    // The same locks as removing a contact (in one order), so that a colleague leaving at the same time
    // cannot leave a school with no contact at all.
    for (const { schoolId } of schools) {
      await tx.$executeRaw`SELECT 1 FROM "School" WHERE "id" = ${schoolId} FOR UPDATE`;
    }
    await tx.user.delete({ where: { id: userId } });
    await deleteSchoolsWithoutContacts(
      tx,
      schools.map((contact) => contact.schoolId),
    );
  });
}

/** GET /account/data/export: everything we hold about the signed-in parent, as a JSON download. */
export async function dataExportResponse(db: PrismaClient = getDb()): Promise<Response> {
  const userId = (await auth())?.user?.id;
  if (!userId) return new Response("Sign in to download your data.", { status: 401 });
  const data = await exportUserData(db, userId);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="talk-often-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
