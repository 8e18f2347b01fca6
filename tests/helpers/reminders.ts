// Seeds parents with due check-in plans for reminder tests.
import type { PrismaClient } from "@/prisma/generated/client";

/** A plan for the 1st of each month at 19:00 in London, next due at `dueAt`. */
function firstOfMonthPlan(dueAt: Date) {
  return {
    ruleKind: "DAY_OF_MONTH" as const,
    dayOfMonth: 1,
    localTime: "19:00",
    timeZone: "Europe/London",
    nextDueAt: dueAt,
  };
}

export async function seedDuePlans(db: PrismaClient, count: number, dueAt: Date, prefix = "p") {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await db.user.create({
      data: {
        email: `${prefix}${i}@example.org`,
        children: {
          create: {
            label: `C${i}`,
            ageGroup: ["4-7", "8-10", "11-13", "14-17"][i % 4],
            plan: { create: firstOfMonthPlan(dueAt) },
          },
        },
      },
      include: { children: { include: { plan: true } } },
    });
    ids.push(user.children[0]!.plan!.id);
  }
  return ids;
}

/** `count` parents with a due plan each, in one statement (for the tests that need hundreds). */
export async function seedManyDuePlans(db: PrismaClient, count: number, dueAt: Date, prefix: string) {
  await db.$executeRaw`
    WITH u AS (
      INSERT INTO "User" (id, email, "updatedAt")
      SELECT ${prefix} || '_u' || g, ${prefix} || g || '@example.org', now() FROM generate_series(0, ${count} - 1) g
      RETURNING id
    ), c AS (
      INSERT INTO "Child" (id, "userId", label, "ageGroup", "updatedAt")
      SELECT replace(id, '_u', '_c'), id, 'C', '8-10', now() FROM u RETURNING id
    )
    INSERT INTO "CheckInPlan" (id, "childId", "ruleKind", "dayOfMonth", "localTime", "timeZone", "nextDueAt", "updatedAt")
    SELECT replace(id, '_c', '_p'), id, 'DAY_OF_MONTH', 1, '19:00', 'Europe/London', ${dueAt}, now() FROM c`;
}

/** One parent with a due plan for each child (labels given), as a household. */
export async function seedHousehold(
  db: PrismaClient,
  email: string,
  labels: string[],
  dueAt: Date,
  options: { separateReminders?: boolean } = {},
) {
  const user = await db.user.create({
    data: { email, separateReminders: options.separateReminders ?? false },
  });
  const children = [];
  for (const [index, label] of labels.entries()) {
    children.push(
      await db.child.create({
        data: {
          userId: user.id,
          label,
          ageGroup: ["8-10", "14-17", "4-7", "11-13"][index % 4],
          // Children added one after another, in this order.
          createdAt: new Date(Date.UTC(2026, 10, 1 + index)),
          plan: {
            create: {
              ...firstOfMonthPlan(dueAt),
              calendarEnabled: true,
              calendarToken: `feed-${email.replace(/\W/g, "")}-${index}-xxxxxxxxxxxxxxxx`,
            },
          },
        },
        include: { plan: true },
      }),
    );
  }
  return { user, children };
}
