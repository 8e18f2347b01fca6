"use server";
import { redirect } from "next/navigation";
import { signInRefusalMessage } from "@/lib/auth/sign-in-limits";
import { requestSignInEmail } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/server/request-client";
import { signInNext } from "@/lib/auth/session";
import { z } from "zod";
import { readEmail } from "@/lib/server/form-input";
import { typedAddress, type AddressQuestion } from "@/lib/server/email-typos";
import { actionArgs, formArg, previousStateArg } from "@/lib/auth/server-action";

export type SignInState = { email: string; error?: string } & Partial<AddressQuestion>;

export async function requestSignIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  actionArgs(z.tuple([previousStateArg, formArg]), [_previous, form]);
  const typed = typedAddress(form);
  if ("question" in typed) return typed.question;
  const raw = typed.address;
  const { email, error } = readEmail(raw);
  if (error !== undefined) return { email: raw, error };

  // The same answer whether or not the address has an account. The limits are counted in lib/auth/auth.ts,
  // which every way of asking for a link goes through.
  const client = await clientAddress();
  const next = signInNext(form.get("next")) ?? "/account";
  const sent = await requestSignInEmail(email, { client }, next);
  if (sent !== "sent") return { email: raw, error: signInRefusalMessage(sent) };
  redirect("/signin/check-email");
}
