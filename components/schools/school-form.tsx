"use client";
// Registering a school: its name and, optionally, its local authority or trust. Keeps what was typed on
// an error; works without JavaScript.
import { useActionState } from "react";
import { registerSchoolAction, type SchoolFormState } from "@/app/(site)/school/actions";
import { buttonClass, fieldBinder, TextField } from "@/components/ui/field";
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
  const bind = fieldBinder("school", state.values, e);
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
      <TextField
        {...bind("name")}
        key={`name-${state.values.name ?? ""}`}
        label="School name"
        hint={nameHint}
        required
        autoComplete="organization"
      />
      <TextField
        {...bind("authority")}
        key={`authority-${state.values.authority ?? ""}`}
        label="Local authority or trust"
        hint={authorityHint}
      />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-4`}>
        Register the school
      </button>
    </form>
  );
}
