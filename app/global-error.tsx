"use client";
// The last resort, when the site's own layout fails: a whole page of its own, in the same words as
// app/error.tsx, without the header and footer (they may be what failed).
import { buttonClass } from "@/components/ui/field";
import Link from "@/components/ui/link";
import "./globals.css";

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
          <h1>Something went wrong on our side</h1>
          <p>
            Talk Often did not load. It is not something you did, and nothing you saved has been lost. Try
            again in a moment, or go back to <Link href="/">the home page</Link>.
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
        </main>
      </body>
    </html>
  );
}
