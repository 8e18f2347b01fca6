"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionArgs, tokenArg } from "@/lib/validations/action-args";
import { readCheckInToken } from "@/lib/check-in-links";
import { isTopic } from "@/lib/content/taxonomy";
import { getDb } from "@/lib/db";

/** Records the talk a "We talked" link stands for; only by POST, since mail scanners follow GET links. */
export async function confirmCheckIn(token: string): Promise<void> {
  actionArgs(z.tuple([tokenArg]), [token]);
  const link = readCheckInToken(token);
  if (!link || !link.topic || !isTopic(link.topic)) redirect(`/checkin/${encodeURIComponent(token)}`);
  const db = getDb();
  const child = await db.child.findUnique({ where: { id: link.subject }, select: { id: true } });
  if (child) {
    await db.checkIn
      .create({ data: { childId: child.id, topic: link.topic, linkId: link.id } })
      .catch((error: { code?: string }) => {
        if (error.code !== "P2002") throw error; // already recorded through this link
      });
  }
  redirect(`/checkin/${encodeURIComponent(token)}`);
}
