// What the account page shows: the parent, each child with their plan, last reminder and talk log.
import { getDb } from "@/lib/server/db";

export async function loadAccount(userId: string) {
  return getDb().user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      children: {
        orderBy: { createdAt: "asc" },
        include: {
          // The last 13 months: the latest is "Last reminder", all of them the months' prompts.
          plan: { include: { deliveries: { orderBy: { dueAt: "desc" }, take: 13 } } },
          // Enough for a year of talks ("4 of 6 topics this year") even at one a week.
          checkIns: { orderBy: { talkedAt: "desc" }, take: 100 },
        },
      },
    },
  });
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;
