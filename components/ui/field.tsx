// A labelled form field with its hint and error, linked for screen readers.
import type { ReactNode } from "react";

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="mt-4">
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
