"use server";
// The one-step form at /remind: checked as one request; a parent signed in as that address gets the
// child and plan at once, anyone else one email whose button confirms (lib/accounts/remind-request.ts).
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addRemindedChild, parseRemindForm, signRemindRequest } from "@/lib/accounts/remind-request";
import { formValues } from "@/lib/accounts/validations";
import { TOO_MANY_CHILDREN } from "@/lib/accounts/account-actions";
import { linkSecret } from "@/lib/email/check-in-links";
import { auth, requestSignInEmail } from "@/lib/server/auth";
import { requestClient } from "@/lib/server/request-client";
import { formArg, forAnyone, previousStateArg } from "@/lib/server/server-action";

export type RemindState = { values: Record<string, string>; errors: Record<string, string> };

export async function requestReminder(_previous: RemindState, form: FormData): Promise<RemindState> {
  const { db } = forAnyone(z.tuple([previousStateArg, formArg]), [_previous, form]);
  const values = formValues(form);
  const parsed = parseRemindForm(values);
  if (!parsed.ok) return { values, errors: parsed.errors };
  const { request } = parsed;

  const session = await auth();
  if (session?.user?.id && session.user.email?.toLowerCase() === request.email) {
    const made = await addRemindedChild(db, session.user.id, request, randomBytes(12).toString("base64url"));
    if (made === "limit") return { values, errors: { form: TOO_MANY_CHILDREN } };
    redirect(`/remind/ready?child=${made.childId}`);
  }
  const token = signRemindRequest(linkSecret(), request);
  const client = requestClient(await headers()).address;
  if ((await requestSignInEmail(request.email, client, `/remind/ready?r=${token}`)) === "limited") {
    return { values, errors: { form: TOO_MANY } };
  }
  redirect("/remind/check-email");
}

const TOO_MANY = "Too many emails have been asked for just now. Please wait 15 minutes, then try again.";
