// The email address field of the sign-in, email-change and invitation forms: labelled, with its hint
// and error, and the address the parent typed kept after a refusal.
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

export function EmailField({
  id,
  label,
  hint,
  state,
  autoComplete = "email",
}: {
  id: string;
  label: string;
  hint: string;
  /** The form's state: the address as typed, and what was wrong with it. */
  state: { email: string; error?: string };
  autoComplete?: "email" | "off";
}) {
  return (
    <>
      {/* Announced, focused and scrolled to on a phone (a refusal is no field's fault, so it leads). */}
      {state.error && <FormAlert answer={state} title={state.error} />}
      <Field id={id} label={label} hint={hint} error={state.error}>
        <input
          id={id}
          name="email"
          type="email"
          autoComplete={autoComplete}
          required
          defaultValue={state.email}
          key={state.email}
          className={inputClass}
          {...describedBy(id, hint, state.error)}
        />
      </Field>
    </>
  );
}
