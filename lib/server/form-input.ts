// The input pieces every form and server action shares: row ids, an email address, field errors for a
// form to show, and a FormData's text fields.
import { z } from "zod";

/** An id as this app makes them (cuid, or base64url): anything else cannot name a row. */
export const isRowId = (id: unknown): id is string => typeof id === "string" && /^[\w-]{1,64}$/.test(id);

/**
 * Deletes the row `id` names through `remove`, whose where-clause keeps it to the asker's own rows:
 * "not-found" for a made-up id, another person's row or one already gone.
 */
export async function deleteOwn(
  id: string,
  remove: (id: string) => Promise<{ count: number }>,
): Promise<"ok" | "not-found"> {
  if (!isRowId(id)) return "not-found";
  return (await remove(id)).count ? "ok" : "not-found";
}

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com.").max(254, "That email address is too long."));

/** An address as typed: `{ email }` as we keep it (trimmed, lower case), or `{ error }` saying what is wrong. */
export function readEmail(raw: string): { email: string; error?: never } | { email?: never; error: string } {
  const parsed = emailSchema.safeParse(raw);
  return parsed.success ? { email: parsed.data } : { error: parsed.error.issues[0]!.message };
}

/** Field errors in a shape forms can show next to each field. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A FormData's text fields as a plain object (files and repeated keys ignored). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
