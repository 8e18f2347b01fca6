"use client";
// The header's link to the monthly check-ins, and "signed in" beside it when you are
// (components/visitor-hint.tsx): the pages stay static, the script adds the two words.
import Link from "@/components/ui/link";
import { useVisitorHint } from "@/components/visitor-hint";

export function AccountNavLink() {
  const { signedIn } = useVisitorHint();
  return (
    <>
      <Link href="/account" className="font-medium">
        Monthly check-ins
      </Link>
      {signedIn && (
        <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-sm font-semibold text-brand-800 dark:bg-night dark:text-night-ink">
          signed in
        </span>
      )}
    </>
  );
}
