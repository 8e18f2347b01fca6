"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/account/actions";
import {
  buttonClass,
  describedBy,
  Field,
  inputClass,
  SelectField,
  type FormAction,
} from "@/components/ui/field";
import { FieldErrorsAlert } from "@/components/ui/form-alert";
import { TOPICS } from "@/lib/guides/taxonomy";

export function CheckInForm({
  action,
  suggested,
  idPrefix,
}: {
  action: FormAction<FormState>;
  suggested: string;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    { ok: true, values: {}, errors: {} },
    "/account",
  );
  const e = state.errors;
  const id = (name: string) => `${idPrefix}-${name}`;
  const noteHint = "Optional, and only for you. Up to 1,000 characters.";
  return (
    <form action={formAction} noValidate>
      <FieldErrorsAlert
        answer={state}
        errors={e}
        fields={[
          { name: "topic", id: id("topic") },
          { name: "note", id: id("note") },
        ]}
      />
      <SelectField
        id={id("topic")}
        name="topic"
        label="What did you talk about?"
        error={e.topic}
        defaultValue={state.values.topic ?? suggested}
        choices={TOPICS.map((t) => ({ value: t.slug, label: t.title }))}
      />
      <Field id={id("note")} label="Note" hint={noteHint} error={e.note}>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={state.values.note ?? ""}
          className={inputClass}
          {...describedBy(id("note"), noteHint, e.note)}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} mt-3`}>
        We talked
      </button>
      <p role="status" className="m-0 mt-2">
        {state.ok ? state.message : ""}
      </p>
    </form>
  );
}
