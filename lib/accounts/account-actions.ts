// What the /account forms do, given the signed-in user's id: validate, check ownership, write.
// Bad input returns field errors and writes nothing; another parent's child is "not found".
import type { z } from "zod";
import type { PrismaClient } from "@/prisma/generated/client";
import { newCalendarToken } from "@/lib/reminders/calendar-feed";
import { nextDueAfter } from "@/lib/reminders/plans";
import { checkInSchema, childSchema } from "@/lib/accounts/validations";
import { planSchema } from "@/lib/reminders/plan-schema";
import { deleteOwn, fieldErrorsOf, isRowId, type FieldErrors } from "@/lib/server/form-input";

export type FormState = {
  ok: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
};
export type Outcome = FormState | "not-found";

export const MAX_CHILDREN = 12;
export const TOO_MANY_CHILDREN = `You can add up to ${MAX_CHILDREN} children.`;

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Locks the parent's row for the rest of the transaction and says whether they have room for another
 * child, so that requests at once cannot each see room for one more.
 */
export async function roomForChild(tx: Transaction, userId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  return (await tx.child.count({ where: { userId } })) < MAX_CHILDREN;
}

async function ownChild(db: PrismaClient, userId: string, childId: string) {
  if (!isRowId(childId)) return null;
  return db.child.findFirst({ where: { id: childId, userId }, include: { plan: true } });
}

type Values = Record<string, string>;
type OwnChild = NonNullable<Awaited<ReturnType<typeof ownChild>>>;

/**
 * An action on a form about one of the parent's children, called (db, userId, childId, values, now):
 * "not-found" unless the child is theirs, the form's errors when it is wrong (nothing written), else
 * what `save` does with the checked data.
 */
function childFormAction<T>(
  schema: z.ZodType<T>,
  save: (form: {
    db: PrismaClient;
    childId: string;
    child: OwnChild;
    data: T;
    values: Values;
    now: Date;
  }) => Promise<FormState>,
) {
  return async (
    db: PrismaClient,
    userId: string,
    childId: string,
    values: Values,
    now = new Date(),
  ): Promise<Outcome> => {
    const child = await ownChild(db, userId, childId);
    if (!child) return "not-found";
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { ok: false, values, errors: fieldErrorsOf(parsed.error) };
    return save({ db, childId, child, data: parsed.data, values, now });
  };
}

/**
 * Adds a child with the same plan as the household's first (day or rule, time, time zone, email and
 * calendar), so that a parent sets a plan once; `childId` is the new child's, for the page to show.
 */
export async function addChildFor(
  db: PrismaClient,
  userId: string,
  values: Record<string, string>,
  now = new Date(),
): Promise<FormState & { childId?: string }> {
  const parsed = childSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrorsOf(parsed.error) };
  // Read before the transaction, which holds the parent's row locked: it stays as short as it was.
  const first = await db.checkInPlan.findFirst({
    where: { child: { userId } },
    orderBy: { child: { createdAt: "asc" } },
  });
  const added = await db.$transaction(async (tx) => {
    if (!(await roomForChild(tx, userId))) return null;
    const plan = first && {
      ruleKind: first.ruleKind,
      dayOfMonth: first.dayOfMonth,
      nth: first.nth,
      weekday: first.weekday,
      localTime: first.localTime,
      timeZone: first.timeZone,
      emailEnabled: first.emailEnabled,
      calendarEnabled: first.calendarEnabled,
      calendarToken: first.calendarEnabled ? newCalendarToken() : null,
      nextDueAt: nextDueAfter(first, now),
    };
    const child = await tx.child.create({
      data: { ...parsed.data, userId, ...(plan && { plan: { create: plan } }) },
    });
    return child.id;
  });
  if (!added) return { ok: false, values, errors: { form: TOO_MANY_CHILDREN } };
  return { ok: true, values: {}, errors: {}, message: "Child added.", childId: added };
}

export const updateChildFor = childFormAction(childSchema, async ({ db, childId, data, values }) => {
  await db.child.update({ where: { id: childId }, data });
  return { ok: true, values, errors: {}, message: "Saved." };
});

export async function removeChildFor(
  db: PrismaClient,
  userId: string,
  childId: string,
): Promise<"ok" | "not-found"> {
  return deleteOwn(childId, (id) => db.child.deleteMany({ where: { id, userId } }));
}

export const savePlanFor = childFormAction(planSchema, async ({ db, childId, child, data, values, now }) => {
  const nextDueAt = nextDueAfter(data, now);
  // The feed's secret exists while the calendar is on; turning it off revokes the old address.
  const calendarToken = data.calendarEnabled ? (child.plan?.calendarToken ?? newCalendarToken()) : null;
  await db.checkInPlan.upsert({
    where: { childId },
    create: { childId, ...data, nextDueAt, calendarToken },
    update: { ...data, nextDueAt, calendarToken },
  });
  return { ok: true, values, errors: {}, message: "Check-in plan saved." };
});

export async function setPausedFor(
  db: PrismaClient,
  userId: string,
  childId: string,
  paused: boolean,
  now = new Date(),
): Promise<"ok" | "not-found"> {
  const child = await ownChild(db, userId, childId);
  if (!child?.plan) return "not-found";
  // Resuming starts from now: a month missed while paused is not sent late.
  const nextDueAt = paused ? child.plan.nextDueAt : nextDueAfter(child.plan, now);
  await db.checkInPlan.update({ where: { childId }, data: { paused, nextDueAt } });
  return "ok";
}

export const recordCheckInFor = childFormAction(checkInSchema, async ({ db, childId, data }) => {
  await db.checkIn.create({ data: { childId, topic: data.topic, note: data.note } });
  return { ok: true, values: {}, errors: {}, message: "Well done. We've noted your talk." };
});

/** Replaces the calendar feed's secret: the old address stops working at once. */
export async function regenerateCalendarFor(
  db: PrismaClient,
  userId: string,
  childId: string,
): Promise<"ok" | "not-found"> {
  const child = await ownChild(db, userId, childId);
  if (!child?.plan?.calendarEnabled) return "not-found";
  await db.checkInPlan.update({ where: { childId }, data: { calendarToken: newCalendarToken() } });
  return "ok";
}

/**
 * The household's calendar feed (every child's check-ins at one address): "on" makes its secret if it
 * has none, "renew" replaces it (the old address stops working), "off" revokes it.
 */
export async function setHouseholdCalendarFor(
  db: PrismaClient,
  userId: string,
  change: "on" | "renew" | "off",
): Promise<"ok" | "not-found"> {
  const where = change === "on" ? { id: userId, calendarToken: null } : { id: userId };
  const calendarToken = change === "off" ? null : newCalendarToken();
  await db.user.updateMany({ where, data: { calendarToken } });
  return "ok";
}

/** One email a month for the household (false), or one per child (true). */
export async function setSeparateRemindersFor(
  db: PrismaClient,
  userId: string,
  separateReminders: boolean,
): Promise<"ok"> {
  await db.user.update({ where: { id: userId }, data: { separateReminders } });
  return "ok";
}
