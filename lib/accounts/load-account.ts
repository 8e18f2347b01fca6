// What the account page shows: the parent, each child with their plan, last reminder and talk log.
import { getDb } from "@/lib/server/db";

export async function loadAccount(userId: string) {
  return getDb().user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      // Schools this person is a contact of (staff can be parents too).
      schools: { include: { school: { select: { code: true, name: true } } } },
      children: {
        orderBy: { createdAt: "asc" },
        include: {
          // The last 13 months: the latest is "Last reminder", all of them the months' prompts.
          plan: { include: { deliveries: { orderBy: { dueAt: "desc" }, take: 13 } } },
          // Enough for a year of talks ("4 of 9 topics this year") even at one a week.
          checkIns: { orderBy: { talkedAt: "desc" }, take: 100 },
          // Schools the parent chose to let count this child's family.
          schools: {
            include: { school: { select: { id: true, name: true } } },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  });
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;
