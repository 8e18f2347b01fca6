"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordTalkFromLink } from "@/lib/email/check-in-links";
import { forAnyone, tokenArg } from "@/lib/auth/server-action";

/** Records the talk a "We talked" link stands for; only by POST, since mail scanners follow GET links. */
export async function confirmCheckIn(token: string): Promise<void> {
  const { db } = forAnyone(z.tuple([tokenArg]), [token]);
  await recordTalkFromLink(db, token);
  redirect(`/checkin/${encodeURIComponent(token)}`);
}
