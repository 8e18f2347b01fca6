// Seeds parents with due check-in plans for reminder tests.
import type { PrismaClient } from "@/prisma/generated/client";

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
            plan: {
              create: {
                ruleKind: "DAY_OF_MONTH",
                dayOfMonth: 1,
                localTime: "19:00",
                timeZone: "Europe/London",
                nextDueAt: dueAt,
              },
            },
          },
        },
      },
      include: { children: { include: { plan: true } } },
    });
    ids.push(user.children[0]!.plan!.id);
  }
  return ids;
}
