// A labelled form field with its hint and error, linked for screen readers.
import type { ComponentProps, ReactNode } from "react";

export function Field({
  id,
  label,
  hint,
  error,
  className = "mt-4",
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The wrapper's classes (its top margin, by default). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="m-0 text-sm text-ink-muted dark:text-night-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="m-0 mt-1 font-semibold text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="mt-1">{children}</div>
    </div>
  );
}

/** A server action as useActionState calls it: the form's last answer and what was sent, to the next answer. */
export type FormAction<State> = (previous: State, form: FormData) => Promise<State>;

/** One option of a <Select>. */
export type Choice = { value: string; label: string };

/** A <select> of choices, with an empty first option when `empty` names it ("Choose…"), and any further
 *  <option>s given as children after the list. */
export function Select({
  choices,
  empty,
  children,
  ...props
}: Omit<ComponentProps<"select">, "children"> & {
  choices: readonly Choice[];
  empty?: string;
  children?: ReactNode;
}) {
  return (
    <select {...props}>
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
      {children}
    </select>
  );
}

/** A labelled <Select> in a <Field>, its hint and error linked for screen readers. */
export function SelectField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  className = inputClass,
  ...props
}: ComponentProps<typeof Select> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The <Field> wrapper's classes. */
  fieldClassName?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <Select id={id} className={className} {...describedBy(id, hint, error)} {...props} />
    </Field>
  );
}

/** A labelled <input> in a <Field>, its hint and error linked for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  className = inputClass,
  ...props
}: ComponentProps<"input"> & { id: string; label: string; hint?: string; error?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} className={className} {...describedBy(id, hint, error)} {...props} />
    </Field>
  );
}

/**
 * Ties a form's fields to what was sent and what was wrong with it: `bind("label")` gives the field's id
 * (made unique by `idPrefix`), name, value as sent (or `fallback`) and error, for <TextField> and
 * <SelectField>.
 */
export function fieldBinder(
  idPrefix: string,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  return (name: string, fallback = "") => ({
    id: `${idPrefix}-${name}`,
    name,
    defaultValue: values[name] ?? fallback,
    error: errors[name],
  });
}

/** aria-describedby and aria-invalid for a control inside <Field>. */
export function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined };
}

export const inputClass =
  "w-full max-w-md rounded border border-ink-muted bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
export const buttonClass =
  "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
/** A link that looks like the main button (white on the brand colour, no underline). */
export const buttonLinkClass =
  "inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800";
export const secondaryButtonClass =
  "rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 dark:border-night-link dark:text-night-link dark:hover:bg-night-raised";
