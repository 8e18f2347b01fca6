"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { allow, SIGN_IN_PER_ADDRESS, SIGN_IN_PER_IP } from "@/lib/rate-limit";
import { emailSchema } from "@/lib/validations/account";

export type SignInState = { email: string; error?: string };

export async function requestSignIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const raw = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) return { email: raw, error: parsed.error.issues[0]!.message };
  const email = parsed.data;

  // The same answer whether or not the address has an account.
  const ip =
    (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ||
    (await headers()).get("x-real-ip") ||
    "local";
  const db = getDb();
  const [withinAddress, withinIp] = await Promise.all([
    allow(db, SIGN_IN_PER_ADDRESS, email),
    allow(db, SIGN_IN_PER_IP, ip),
  ]);
  if (!withinAddress || !withinIp) {
    return {
      email: raw,
      error: "Too many sign-in emails have been asked for just now. Please wait 15 minutes, then try again.",
    };
  }
  await signIn("email", { email, redirect: false, redirectTo: "/account" });
  redirect("/signin/check-email");
}
