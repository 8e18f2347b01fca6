// After an invitation's button (the invitation is used up): the new contact signs in to see the school.
// It names no school and looks nothing up: anyone can open it with any code, and must learn nothing.
import type { Metadata } from "next";
import { SignInForm } from "@/components/account/sign-in-form";
import { readSchoolCode } from "@/lib/schools/school-code";

export const metadata: Metadata = { title: "You are a contact for a school", robots: { index: false } };

export default async function JoinedPage({ searchParams }: { searchParams: Promise<{ s?: string }> }) {
  const { s } = await searchParams;
  const code = typeof s === "string" ? readSchoolCode(s) : null;
  return (
    <>
      <h1>You are a contact for the school</h1>
      <p>
        Sign in with the address the invitation was sent to, to see the school&apos;s page: we email you a
        link, no password.
      </p>
      <SignInForm
        next={code ? `/school/${code}` : "/schools/register"}
        permalink={`/school/join/joined${code ? `?s=${code}` : ""}`}
      />
    </>
  );
}
