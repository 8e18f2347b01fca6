"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmailChange } from "@/lib/accounts/email-change";
import { getEnv } from "@/lib/server/env";
import { forAnyone, tokenArg } from "@/lib/auth/server-action";

/** Moves the account to the new address; only by POST, since mail scanners follow GET links. */
export async function confirmNewEmail(token: string): Promise<void> {
  const { db } = forAnyone(z.tuple([tokenArg]), [token]);
  const jar = await cookies();
  const keepSession =
    jar.get("__Secure-authjs.session-token")?.value ?? jar.get("authjs.session-token")?.value;
  const outcome = await confirmEmailChange(db, getEnv(), token, { keepSession });
  redirect(`/email-change/${encodeURIComponent(token)}?done=${outcome}`);
}
