import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { confirmNewEmail } from "@/app/(site)/email-change/[token]/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import { emailChangeState, readEmailChange } from "@/lib/accounts/email-change";
import { getEnv } from "@/lib/server/env";
import { linkPageInput, type LinkPageProps } from "@/lib/server/signed-links";

export const metadata: Metadata = { title: "Confirm your new email address", robots: { index: false } };

export default async function EmailChangePage(props: LinkPageProps) {
  const { token, done: pressed } = await linkPageInput(props);
  const change = readEmailChange(getEnv(), token);
  // Opened again or after Back, the page says what the link did; pressed, the button says it too.
  const done = pressed ?? (await emailChangeState(getEnv(), token));
  if (!change || done === "invalid") {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>
          Links to confirm a new address work for 24 hours. <Link href="/account">Sign in</Link> and ask for
          another one from your account page.
        </p>
      </>
    );
  }
  if (done === "used") {
    return (
      <>
        <h1>This link has been used</h1>
        <p>
          Your account has moved to another address since we sent it, so it changes nothing now. To use{" "}
          {change.email}, ask for a new link from <Link href="/account">your account page</Link>.
        </p>
      </>
    );
  }
  if (done === "taken") {
    return (
      <>
        <h1>That address already has an account</h1>
        <p>
          {change.email} is used by another Talk Often account, so we did not move yours. Sign in with it, or
          choose another address from <Link href="/account">your account page</Link>.
        </p>
      </>
    );
  }
  if (done === "changed") {
    return (
      <>
        <h1>Your email address is now {change.email}</h1>
        <p>
          Sign-in links and your monthly check-in emails will go there from now on.{" "}
          <Link href="/account">Go to your account</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Use {change.email} for Talk Often?</h1>
      <p>Sign-in links and your monthly check-in emails will go to this address instead.</p>
      <ActionForm
        action={confirmNewEmail.bind(null, token)}
        permalink={`/email-change/${encodeURIComponent(token)}`}
      >
        <button type="submit" className={buttonClass}>
          Use this address
        </button>
      </ActionForm>
    </>
  );
}
