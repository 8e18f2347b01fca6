// How every server action starts (the rule: app/**/actions.ts is a thin wrapper; the logic is a plain
// function in lib/ that takes the database, so the worker, the cron route and tests can call it):
//   const { args, db, userId } = await forParent(z.tuple([rowIdArg, z.boolean()]), [childId, paused]);
// An action's bound arguments (a child's id, a pause flag, an email link's token) and its form data
// arrive from the browser and can be anything: what our own pages could not have sent is a 404, never
// a 500, and it is refused before anything else runs.
import { notFound } from "next/navigation";
import { z } from "zod";
import { isRowId } from "@/lib/server/form-input";
import { getDb } from "@/lib/server/db";
import { requireUserId } from "@/lib/auth/session";
import type { PrismaClient } from "@/prisma/generated/client";

/** For an action anyone may call (an email link's button): its arguments, checked, and the database. */
export function forAnyone<T extends z.ZodType>(
  schema: T,
  args: unknown,
): { args: z.infer<T>; db: PrismaClient } {
  return { args: actionArgs(schema, args), db: getDb() };
}

/** For a signed-in parent's action: the same, and their id (or a redirect to sign in). */
export async function forParent<T extends z.ZodType>(
  schema: T,
  args: unknown,
): Promise<{ args: z.infer<T>; db: PrismaClient; userId: string }> {
  const checked = actionArgs(schema, args);
  return { args: checked, db: getDb(), userId: await requireUserId() };
}

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
