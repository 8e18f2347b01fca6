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
  return (
    <>
      <h1>{expired ? "That sign-in link has expired or been used" : "We couldn't sign you in"}</h1>
      <p>
        {expired
          ? "Each link works once, and only for 24 hours. Ask for a new one and use the newest email."
          : "Something went wrong while signing you in. Please try again."}
      </p>
      <p>
        <Link href="/signin">Ask for a new sign-in link</Link>
      </p>
    </>
  );
}
