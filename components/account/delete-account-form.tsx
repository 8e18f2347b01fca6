"use client";
import { useActionState } from "react";
import { deleteAccount, type FormState } from "@/app/account/actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(
    deleteAccount,
    { ok: true, values: {}, errors: {} },
    "/account/data",
  );
  return (
    <form action={action} className="mt-4 rounded-lg border-2 border-red-700 p-4">
      <p className="m-0">
        This deletes your account, your children&apos;s profiles, your check-in plans and every check-in you
        logged, at once. It cannot be undone.
      </p>
      {state.errors.confirm && (
        <p id="confirm-error" className="m-0 mt-2 font-semibold text-red-800 dark:text-red-300">
          {state.errors.confirm}
        </p>
      )}
      <label className="mt-3 flex items-center gap-2">
        <input
          type="checkbox"
          name="confirm"
          value="delete"
          aria-describedby={state.errors.confirm ? "confirm-error" : undefined}
        />{" "}
        I want to delete my account and all my data
      </label>
      <button
        type="submit"
        disabled={pending}
        className="mt-3 rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
      >
        Delete my account
      </button>
    </form>
  );
}
