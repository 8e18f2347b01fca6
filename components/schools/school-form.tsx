"use client";
// Registering a school: its name and, optionally, its local authority or trust. Keeps what was typed on
// an error; works without JavaScript.
import { useActionState } from "react";
import { registerSchoolAction, type SchoolFormState } from "@/app/(site)/school/actions";
import { buttonClass, describedBy, Field, inputClass } from "@/components/ui/field";
import { FormAlert, problemsOf } from "@/components/ui/form-alert";

/**
 * `max`: the longest name, given by the page (lib/schools/school-kit.ts is server code). Said in the
 * hint and checked by the server, not cut short by the browser without a word (no maxlength).
 */
export function SchoolForm({ max }: { max: number }) {
  const [state, action, pending] = useActionState<SchoolFormState, FormData>(
    registerSchoolAction,
    { values: {}, errors: {} },
    "/schools/register",
  );
  const e = state.errors;
  const nameHint = `As parents know it, at most ${max} characters. Parents see it on your letters and links.`;
  const authorityHint = `Optional, at most ${max} characters. Only you and your school's other contacts see it.`;
  return (
    <form action={action} noValidate className="mt-4">
      {Object.keys(e).length > 0 && (
        <FormAlert
          answer={state}
          title={e.form ?? "There is a problem: please change what is marked below."}
          problems={problemsOf(e, [
            { name: "name", id: "school-name" },
            { name: "authority", id: "school-authority" },
          ])}
        />
      )}
      <Field id="school-name" label="School name" hint={nameHint} error={e.name}>
        <input
          id="school-name"
          name="name"
          required
          autoComplete="organization"
          defaultValue={state.values.name ?? ""}
          key={`name-${state.values.name ?? ""}`}
          className={inputClass}
          {...describedBy("school-name", nameHint, e.name)}
        />
      </Field>
      <Field id="school-authority" label="Local authority or trust" hint={authorityHint} error={e.authority}>
        <input
          id="school-authority"
          name="authority"
          defaultValue={state.values.authority ?? ""}
          key={`authority-${state.values.authority ?? ""}`}
          className={inputClass}
          {...describedBy("school-authority", authorityHint, e.authority)}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} mt-4`}>
        Register the school
      </button>
    </form>
  );
}
