import type { Metadata } from "next";
import { SignInForm } from "@/components/account/sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default function SignInPage() {
  return (
    <>
      <h1>Sign in for monthly check-ins</h1>
      <p>
        Sign in with your email address to get a short conversation prompt each month. We only ask roughly how
        old your child is: never their name, photo or school.
      </p>
      <SignInForm />
    </>
  );
}
