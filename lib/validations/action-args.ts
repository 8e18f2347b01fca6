// The arguments of a server action, checked before anything runs. An action's bound arguments (a
// child's id, a pause flag, an email link's token) and its form data arrive from the browser and can
// be anything; what our own pages could not have sent is a 404, never a 500.
import { notFound } from "next/navigation";
import { z } from "zod";
import { isRowId } from "@/lib/validations/account";

/** `args` parsed by `schema` (usually a z.tuple), or a 404. */
export function actionArgs<T extends z.ZodType>(schema: T, args: unknown): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) notFound();
  return parsed.data;
}

export const rowIdArg = z.custom<string>(isRowId);
export const formArg = z.instanceof(FormData);
/** A signed link's token: any string the page was given; the link's own check says if it is valid. */
export const tokenArg = z.string().max(4096);
/** The form state a `useActionState` action is given first; never read. */
export const previousStateArg = z.unknown();
