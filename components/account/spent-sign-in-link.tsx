// What a sign-in or confirmation link that was used, or is past its 24 hours, says: what happened,
// and the next step (the account when already signed in, a new link otherwise). Shown when such a
// link is opened (/signin/confirm) and when its button was pressed anyway (/signin/error), e.g.
// after Back.
import Link from "@/components/ui/link";
import { buttonLinkClass } from "@/components/ui/field";

export function SpentSignInLink({ signedInAs, remind }: { signedInAs: string | null; remind?: boolean }) {
  if (signedInAs) {
    return (
      <>
        <h1>You are already signed in</h1>
        <p>
          This link has been used: each one works once. You are signed in as{" "}
          <strong className="break-all">{signedInAs}</strong>
          {remind ? ", and the monthly check-in you confirmed is on your account." : "."}
        </p>
        <p>
          <Link href="/account" className={buttonLinkClass}>
            Go to your account
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>This link has been used or has expired</h1>
      <p>
        Each link in our emails works once, and only for 24 hours. Nothing has changed.
        {remind !== false &&
          " If you already confirmed a monthly check-in with it, it is set up: sign in to see it."}
      </p>
      <p>
        <Link href="/signin" className={buttonLinkClass}>
          Ask for a new sign-in link
        </Link>
      </p>
      {remind !== false && (
        <p>
          Or <Link href="/remind">ask for the monthly reminder again</Link>.
        </p>
      )}
    </>
  );
}
