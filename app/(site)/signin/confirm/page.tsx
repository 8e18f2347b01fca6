// The page a sign-in link opens. Opening it changes nothing (mail scanners open links too); its
// button POSTs the link's token to Auth.js, which uses it up and signs the parent in.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/field";
import { SpentSignInLink } from "@/components/account/spent-sign-in-link";
import { auth } from "@/lib/auth/auth";
import { signInLinkIsLive, signInLinkParams } from "@/lib/auth/auth-links";

// The address holds the link's token: send it to no other site. (Not "no-referrer": then the button's
// POST would carry "Origin: null", which the server refuses as another site's.)
export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "same-origin" };

export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const link = signInLinkParams(await searchParams);
  if (!link) {
    return (
      <>
        <h1>This sign-in link is not complete</h1>
        <p>Part of the link may be missing. Copy the whole link from the email, or ask for a new one.</p>
        <p>
          <Link href="/signin">Ask for a new sign-in link</Link>
        </p>
      </>
    );
  }
  // A link asked for at /remind confirms a monthly check-in: say so.
  const remind = new URL(link.callbackUrl, "http://x").pathname === "/remind/ready";
  // Opened again, after Back, or late: say so now, not after the button.
  if (!(await signInLinkIsLive(link))) {
    const session = await auth();
    return <SpentSignInLink signedInAs={session?.user?.email ?? null} remind={remind} />;
  }
  return (
    <>
      <h1>{remind ? "Confirm your monthly check-in" : "Sign in to Talk Often"}</h1>
      <p>
        {remind
          ? "One last step: press the button to start your monthly reminders, signed in"
          : "Press the button to sign in"}{" "}
        as <strong className="break-all">{link.email}</strong>. The link works once, and only for 24 hours
        from when we sent it.
      </p>
      <form method="post" action={`/api/auth/callback/email?${new URLSearchParams(link)}`}>
        <button type="submit" className={buttonClass}>
          {remind ? "Confirm my monthly check-in" : "Sign in"}
        </button>
      </form>
      <p>If you did not ask for this, close this page: nothing happens unless you press the button.</p>
    </>
  );
}
