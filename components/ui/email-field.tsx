// The email address field of the sign-in, email-change and invitation forms: labelled, with its hint
// and error, and the address the parent typed kept after a refusal.
import { describedBy, Field, inputClass } from "@/components/ui/field";

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
  );
}
