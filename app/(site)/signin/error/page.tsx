import type { Metadata } from "next";
import Link from "@/components/ui/link";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  const expired = error === "Verification";
  // AccessDenied: Auth.js's own endpoint refused a sign-in email under the limits (lib/server/auth.ts).
  const limited = error === "AccessDenied";
  return (
    <>
      <h1>
        {expired
          ? "That sign-in link has expired or been used"
          : limited
            ? "Too many sign-in emails just now"
            : "We couldn't sign you in"}
      </h1>
      <p>
        {expired
          ? "Each link works once, and only for 24 hours. Ask for a new one and use the newest email."
          : limited
            ? "Too many sign-in emails have been asked for just now. Please wait 15 minutes, then try again."
            : "Something went wrong while signing you in. Please try again."}
      </p>
      <p>
        <Link href="/signin">Ask for a new sign-in link</Link>
      </p>
    </>
  );
}
