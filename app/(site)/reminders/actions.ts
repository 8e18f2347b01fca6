"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { z } from "zod";
import { actionArgs, tokenArg } from "@/lib/validations/action-args";
import { applyEmailAction, EMAIL_ACTION_PATHS, type EmailAction } from "@/lib/email-actions";

/** The POST behind each email link's confirmation page; mail scanners follow GETs, so only this acts. */
export async function confirmEmailAction(action: EmailAction, token: string): Promise<void> {
  actionArgs(z.tuple([z.enum(Object.keys(EMAIL_ACTION_PATHS) as [EmailAction]), tokenArg]), [action, token]);
  const result = await applyEmailAction(getDb(), action, token);
  redirect(
    `${EMAIL_ACTION_PATHS[action]}/${encodeURIComponent(token)}?${result.ok ? "done=1" : "invalid=1"}`,
  );
}
