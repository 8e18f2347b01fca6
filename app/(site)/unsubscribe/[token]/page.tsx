import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/field";
import { getDb } from "@/lib/db";
import { unsubscribe } from "@/lib/unsubscribe";

export const metadata: Metadata = { title: "Stop reminder emails", robots: { index: false } };

async function confirm(token: string) {
  "use server";
  const ok = await unsubscribe(getDb(), token);
  redirect(`/unsubscribe/${token}?${ok ? "done=1" : "invalid=1"}`);
}

export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; invalid?: string }>;
}) {
  const { token } = await params;
  const { done, invalid } = await searchParams;
  if (done) {
    return (
      <>
        <h1>You won&apos;t get these emails any more</h1>
        <p>
          We have turned off reminder emails for this plan. You can turn them back on, or delete your account,
          from <Link href="/account">your check-ins</Link>.
        </p>
      </>
    );
  }
  if (invalid) {
    return (
      <>
        <h1>This link is not valid</h1>
        <p>
          <Link href="/account">Sign in</Link> to change or stop your reminders.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Stop reminder emails?</h1>
      <p>
        You will get no more monthly reminder emails for this plan. Your account and talk log stay as they
        are.
      </p>
      <form action={confirm.bind(null, token)}>
        <button type="submit" className={buttonClass}>
          Stop the emails
        </button>
      </form>
    </>
  );
}
