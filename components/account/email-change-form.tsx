"use client";
import { useActionState } from "react";
import { requestNewEmail, type EmailChangeState } from "@/app/account/actions";
import { EmailField } from "@/components/ui/email-field";
import { buttonClass } from "@/components/ui/field";

/** "Use another email address": we email a link to the new address; its button makes the change. */
export function EmailChangeForm() {
  const [state, action, pending] = useActionState<EmailChangeState, FormData>(
    requestNewEmail,
    { email: "" },
    "/account",
  );
  const hint = "We will email a link to the new address. Your account moves when you press its button.";
  return (
    <form action={action} noValidate className="mt-2">
      {state.sentTo && (
        <p role="status" className="m-0 mb-2 font-semibold">
          We have emailed a link to {state.sentTo}. Open it to finish the change.
        </p>
      )}
      <EmailField id="new-email" label="New email address" hint={hint} state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-3`}>
        Send a confirmation link
      </button>
    </form>
  );
}
