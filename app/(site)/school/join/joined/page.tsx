// After an invitation's button (the invitation is used up): the new contact signs in to see the school.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { schoolByCode } from "@/lib/schools/schools";

export const metadata: Metadata = { title: "You are a contact for a school", robots: { index: false } };

export default async function JoinedPage({ searchParams }: { searchParams: Promise<{ s?: string }> }) {
  const { s } = await searchParams;
  const school = typeof s === "string" ? await schoolByCode(s) : null;
  if (!school) notFound();
  return (
    <>
      <h1>You are a contact for {school.name}</h1>
      <p>
        Sign in with the address the invitation was sent to, to see its page: we email you a link, no
        password.
      </p>
      <SignInForm next={`/school/${school.code}`} permalink={`/school/join/joined?s=${school.code}`} />
    </>
  );
}
