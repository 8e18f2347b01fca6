"use client";
// What went wrong with a form, where a phone shows it: announced (role="alert"), focused and scrolled
// into view, whenever the form's answer comes back (`answer`: the action's state, new each time).
// Without JavaScript the page that comes back focuses it itself (autofocus), and so scrolls to it.
import { useEffect, useRef, type ReactNode } from "react";

export function FormAlert({
  answer,
  title,
  problems = [],
  children,
}: {
  /** The action's answer: each new one focuses the alert again, even with the same words. */
  answer: unknown;
  /** The headline: the refusal itself, or "There is a problem" above a list of them. */
  title: ReactNode;
  /** The fields to change, each linked to its field (the id of its input). */
  problems?: { message: string; field?: string }[];
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const alert = ref.current;
    if (!alert) return;
    alert.focus({ preventScroll: true });
    alert.scrollIntoView({ block: "center" });
  }, [answer]);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      // The page that comes back after a refused form (without JavaScript) opens at what went wrong.
      autoFocus
      className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-4 text-ink outline-offset-4 dark:border-red-300 dark:bg-night-raised dark:text-night-ink"
    >
      <p className="m-0 font-semibold">{title}</p>
      {problems.length > 0 && (
        <ul className="m-0 mt-2 pl-5">
          {problems.map(({ message, field }) => (
            <li key={`${field ?? ""}${message}`}>{field ? <a href={`#${field}`}>{message}</a> : message}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/**
 * The problems of a form whose errors are keyed by field name, in the order the fields appear, each
 * linked to `${idPrefix}-${name}` when that field has such an id (`linked`).
 */
export function problemsOf(
  errors: Record<string, string>,
  fields: { name: string; id?: string }[],
): { message: string; field?: string }[] {
  const known = fields.filter(({ name }) => errors[name]);
  const rest = Object.keys(errors).filter((name) => name !== "form" && !fields.some((f) => f.name === name));
  return [
    ...known.map(({ name, id }) => ({ message: errors[name]!, ...(id ? { field: id } : {}) })),
    ...rest.map((name) => ({ message: errors[name]! })),
  ];
}

/**
 * A form's errors (keyed by field name, `form` for the form as a whole) as its alert, or nothing when
 * there are none: the headline is the form's own error or "There is a problem", then each field's.
 */
export function FieldErrorsAlert({
  answer,
  errors,
  fields,
}: {
  answer: unknown;
  errors: Record<string, string>;
  fields: { name: string; id?: string }[];
}) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <FormAlert
      answer={answer}
      title={errors.form ?? "There is a problem"}
      problems={problemsOf(errors, fields)}
    />
  );
}
