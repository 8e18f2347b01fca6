import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>
        If the address you gave is right, a sign-in link is on its way. It works on any device: open it on
        your phone or your computer, wherever you read your email. The link works once, and only for the next
        24 hours.
      </p>
      <p>Nothing there after a few minutes? Look in your spam or junk folder, or ask for a new link.</p>
    </>
  );
}
