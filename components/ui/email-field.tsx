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
  /** The form's state: the address as typed, what was wrong with it, and any "Did you mean …?"
   *  (lib/server/email-typos.ts: the suggestion, and the address it asks about). */
  state: { email: string; error?: string; suggestion?: string; checked?: string };
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
      {state.suggestion && state.checked && (
        <DidYouMean suggestion={state.suggestion} checked={state.checked} />
      )}
    </>
  );
}

/** "Did you mean …?": the address asked about (sent back, so that it is asked once), and the two
 *  addresses to choose from (lib/server/email-typos.ts answeredAddress). */
export function DidYouMean({ suggestion, checked }: { suggestion: string; checked: string }) {
  return (
    <fieldset className="mt-2">
      <input type="hidden" name="addressChecked" value={checked} />
      <legend className="font-semibold">Which address should we send it to?</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="addressChoice" value={suggestion} /> {suggestion}
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="addressChoice" value={checked} /> {checked}, as I typed it
      </label>
    </fieldset>
  );
}
