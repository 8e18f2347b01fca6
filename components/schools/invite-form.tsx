"use client";
// Inviting a colleague to be a contact for the school: a link goes to their address, whose button
// makes them one.
import { useActionState } from "react";
import type { InviteState } from "@/app/(site)/school/actions";
import { EmailField } from "@/components/ui/email-field";
import { buttonClass, type FormAction } from "@/components/ui/field";

/**
 * `invite` is the action already bound to the school's code by the server page: binding it here,
 * during render, made a form posted without JavaScript spin for good (a new bound function on every
 * render never matched the one the post named).
 */
export function InviteForm({ invite, permalink }: { invite: FormAction<InviteState>; permalink: string }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(invite, { email: "" }, permalink);
  const hint =
    "We email them a link that works for 7 days. They become a contact when they press its button.";
  return (
    <form action={action} noValidate className="mt-2">
      {state.sentTo && (
        <p role="status" className="m-0 mb-2 font-semibold">
          We have emailed an invitation to {state.sentTo}.
        </p>
      )}
      <EmailField
        id="invite-email"
        label="Their email address"
        hint={hint}
        state={state}
        autoComplete="off"
      />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-3`}>
        Send an invitation
      </button>
    </form>
  );
}
