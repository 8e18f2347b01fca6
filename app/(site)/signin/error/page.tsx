import type { Metadata } from "next";
import { SpentSignInLink } from "@/components/account/spent-sign-in-link";
import Link from "@/components/ui/link";
import { auth } from "@/lib/auth/auth";
import { SIGN_IN_PER_ADDRESS } from "@/lib/auth/sign-in-limits";
import { waitThenTryAgain } from "@/lib/server/rate-limit";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  const expired = error === "Verification";
  // A used or expired link's button (pressed after Back, or from an old email): what happened, and
  // the next step for whoever pressed it.
  if (expired) return <SpentSignInLink signedInAs={(await auth())?.user?.email ?? null} />;
  // AccessDenied: Auth.js's own endpoint refused a sign-in email under the limits (lib/auth/auth.ts).
  const limited = error === "AccessDenied";
  return (
    <>
      <h1>{limited ? "Too many sign-in emails just now" : "We couldn't sign you in"}</h1>
      <p>
        {limited
          ? `Too many sign-in emails have been asked for just now. ${waitThenTryAgain(SIGN_IN_PER_ADDRESS)}`
          : "Something went wrong while signing you in. Please try again."}
      </p>
      <p>
        <Link href="/signin">Ask for a new sign-in link</Link>
      </p>
    </>
  );
}
