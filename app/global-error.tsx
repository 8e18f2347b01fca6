"use client";
// The last resort, when the site's own layout fails: a whole page of its own, without the header and
// footer (they may be what failed).
import { SomethingWentWrong } from "@/components/ui/something-went-wrong";
import "./globals.css";

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
          <SomethingWentWrong {...props} what="Talk Often" />
        </main>
      </body>
    </html>
  );
}
