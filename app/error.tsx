"use client";
// What a page says when it fails on our side: nothing the parent did, what they can do now. The error
// itself is logged by the server where it happened; the digest ties this page to that log line.
import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/field";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <h1>Something went wrong on our side</h1>
      <p>
        This page did not load. It is not something you did, and nothing you saved has been lost. Try again in
        a moment, or go back to <Link href="/">the home page</Link>.
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
