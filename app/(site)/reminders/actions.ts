"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { forAnyone, tokenArg } from "@/lib/auth/server-action";
import { applyEmailAction, EMAIL_ACTION_PATHS, type EmailAction } from "@/lib/email/email-actions";

/** The POST behind each email link's confirmation page; mail scanners follow GETs, so only this acts. */
export async function confirmEmailAction(action: EmailAction, token: string): Promise<void> {
  const actions = Object.keys(EMAIL_ACTION_PATHS) as [EmailAction];
  const { db } = forAnyone(z.tuple([z.enum(actions), tokenArg]), [action, token]);
  const result = await applyEmailAction(db, action, token);
  redirect(
    `${EMAIL_ACTION_PATHS[action]}/${encodeURIComponent(token)}?${result.ok ? "done=1" : "invalid=1"}`,
  );
}
