"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/account/actions";
import { ChildFields } from "@/components/account/child-fields";
import { buttonClass, type FormAction } from "@/components/ui/field";
import { FieldErrorsAlert } from "@/components/ui/form-alert";

const CHILD_FIELDS = ["label", "ageBy", "ageGroup", "birthMonth", "birthYear"];

export function ChildForm({
  action,
  initial,
  submitLabel,
  idPrefix,
}: {
  action: FormAction<FormState>;
  initial: Record<string, string>;
  submitLabel: string;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    { ok: true, values: initial, errors: {} },
    "/account",
  );
  const values = state.ok && !state.message ? initial : { ...initial, ...state.values };
  const e = state.errors;
  return (
    <form action={formAction} noValidate>
      <FieldErrorsAlert
        answer={state}
        errors={e}
        fields={CHILD_FIELDS.map((name) => ({ name, id: `${idPrefix}-${name}` }))}
      />
      {/* Keyed by what it shows: React's reset after an action puts a <select> back to the value it was
          first drawn with, so after an error the fields are drawn again with what was sent. */}
      <ChildFields key={JSON.stringify(values)} values={values} errors={e} idPrefix={idPrefix} />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-4`}>
        {submitLabel}
      </button>
      <p role="status" className="m-0 mt-2">
        {state.ok ? state.message : ""}
      </p>
    </form>
  );
}
