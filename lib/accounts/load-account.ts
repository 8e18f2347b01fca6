// What the account page shows: the parent, each child with their plan, last reminder and talk log.
import { getDb } from "@/lib/server/db";

export async function loadAccount(userId: string) {
  return getDb().user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      children: {
        orderBy: { createdAt: "asc" },
        include: {
          plan: { include: { deliveries: { orderBy: { dueAt: "desc" }, take: 1 } } },
          checkIns: { orderBy: { talkedAt: "desc" }, take: 20 },
        },
      },
    },
  });
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;
