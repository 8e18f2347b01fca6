import type { Metadata } from "next";

// Rendered per request like every /remind page, so that it gets the nonce policy of proxy.ts too.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Check your email</h1>
      <p>
        If the address you gave is right, an email called &ldquo;Confirm your monthly check-in&rdquo; is on
        its way. Press its button to start your reminders. The link works once, and only for the next 24
        hours.
      </p>
      <p>Nothing there after a few minutes? Look in your spam or junk folder, or fill in the form again.</p>
    </>
  );
}
