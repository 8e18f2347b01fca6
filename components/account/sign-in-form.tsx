"use client";
import { useActionState } from "react";
import { requestSignIn, type SignInState } from "@/app/(site)/signin/actions";
import { EmailField } from "@/components/ui/email-field";
import { buttonClass } from "@/components/ui/field";

/** `next`: the page the link leads to after signing in (lib/auth/session.ts signInNext), if not /account. */
export function SignInForm({ next, permalink = "/signin" }: { next?: string; permalink?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(
    requestSignIn,
    { email: "" },
    permalink,
  );
  const hint = "We will email you a link to sign in. No password needed.";
  return (
    <form action={action} noValidate className="mt-6">
      {next && <input type="hidden" name="next" value={next} />}
      <EmailField id="email" label="Your email address" hint={hint} state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-4`}>
        Email me a sign-in link
      </button>
    </form>
  );
}
