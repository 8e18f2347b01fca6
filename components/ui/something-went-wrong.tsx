"use client";
// What a page says when it fails on our side (app/error.tsx, app/global-error.tsx): nothing the parent
// did, nothing lost, what they can do now. The server logs the error; the digest ties the two together.
import { buttonClass } from "@/components/ui/field";
import Link from "@/components/ui/link";

export function SomethingWentWrong({
  error,
  reset,
  what = "This page",
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what?: string;
}) {
  return (
    <>
      <h1>Something went wrong on our side</h1>
      <p>
        {what} did not load. It is not something you did, and nothing you saved has been lost. Try again in a
        moment, or go back to <Link href="/">the home page</Link>.
      </p>
      <p>
        <button type="button" className={buttonClass} onClick={reset}>
          Try again
        </button>
      </p>
      {error.digest ? (
        <p className="text-sm">
          If you tell us about it, this code helps us find what happened: <code>{error.digest}</code>
        </p>
      ) : null}
    </>
  );
}
