// The one-step way in (/remind): a parent's email, their child's age and when in the month, checked
// together. Until the parent presses the button in the confirmation email, the request exists only
// inside that email's signed link (nothing is stored but Auth.js's sign-in token); then the child and
// the plan are made in their account, once, however often the link's page is opened.
import { z } from "zod";
import { roomForChild } from "@/lib/accounts/account-actions";
import { ageGroupOn, ageOn } from "@/lib/accounts/children";
import { chooseMonthlyPrompt } from "@/lib/reminders/monthly-prompt";
import { nextDueAfter } from "@/lib/accounts/plans";
import {
  childSchema,
  emailSchema,
  fieldErrorsOf,
  planSchema,
  type FieldErrors,
} from "@/lib/accounts/validations";
import { findGuide } from "@/lib/guides/load-guides";
import { newCalendarToken } from "@/lib/reminders/calendar-feed";
import { linkSecret } from "@/lib/email/check-in-links";
import { readSchoolCode } from "@/lib/schools/school-code";
import { countSignUp } from "@/lib/schools/schools";
import { getDb } from "@/lib/server/db";
import { signLink, verifyLink } from "@/lib/server/signed-links";
import type { PrismaClient } from "@/prisma/generated/client";

/** How long a confirmation link works: the same as a sign-in link, which it is. */
export const REMIND_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** What the form starts with: the first Sunday of each month at 7pm, by email. */
export const REMIND_DEFAULTS: Record<string, string> = {
  ageBy: "group",
  ruleKind: "NTH_WEEKDAY",
  nth: "1",
  weekday: "7",
  localTime: "19:00",
  email: "on",
};

export type RemindRequest = {
  email: string;
  child: z.infer<typeof childSchema>;
  plan: z.infer<typeof planSchema>;
  /** The school code of the link the parent came through (/s/<code>/<age>): counted once confirmed. */
  school?: string;
};

/** The form's values checked as one request, or the field errors to show beside each field. */
export function parseRemindForm(
  values: Record<string, string>,
): { ok: true; request: RemindRequest } | { ok: false; errors: FieldErrors } {
  const email = emailSchema.safeParse(values.address ?? "");
  const child = childSchema.safeParse(values);
  const plan = planSchema.safeParse(values);
  const ageError = child.success ? ageOutsideGuides(child.data) : null;
  const errors: FieldErrors = {
    ...(ageError ? { birthYear: ageError } : {}),
    ...(email.success ? {} : { address: email.error.issues[0]!.message }),
    ...(child.success ? {} : fieldErrorsOf(child.error)),
    ...(plan.success ? {} : fieldErrorsOf(plan.error)),
  };
  if (!email.success || !child.success || !plan.success || ageError) return { ok: false, errors };
  const school = values.school ? readSchoolCode(values.school) : null;
  return {
    ok: true,
    request: { email: email.data, child: child.data, plan: plan.data, ...(school ? { school } : {}) },
  };
}

/**
 * After the parent pressed the confirmation email's button (and so is signed in as its address): the
 * child and plan made, once. Null when the token is not valid, "other-address" when the signed-in
 * parent is not the one it was sent to, "limit" when they have the most children already.
 */
export async function confirmRemindRequest(
  user: { id: string; email: string },
  token: string,
  db: PrismaClient = getDb(),
): Promise<{ childId: string; school: string | null } | "limit" | "other-address" | null> {
  const read = readRemindRequest(linkSecret(), token);
  if (!read) return null;
  if (read.request.email !== user.email.toLowerCase()) return "other-address";
  const made = await addRemindedChild(db, user.id, read.request, read.id);
  return made === "limit" ? made : { ...made, school: read.request.school ?? null };
}

/** The request, signed and expiring, to travel in the confirmation link (lib/server/signed-links.ts). */
export function signRemindRequest(secret: string, request: RemindRequest, now = new Date()): string {
  return signLink(secret, "remind", JSON.stringify(request), { ttlMs: REMIND_LINK_TTL_MS, now });
}

/** The request and its id from a signed token, or null when it is not ours, altered or expired. */
export function readRemindRequest(
  secret: string,
  token: string,
  now = new Date(),
): { request: RemindRequest; id: string } | null {
  const link = verifyLink(secret, token, "remind", now);
  if (!link) return null;
  try {
    return { request: JSON.parse(link.subject) as RemindRequest, id: link.id };
  } catch {
    return null;
  }
}

/**
 * Makes the requested child and plan in the parent's account, once per request id (a second call
 * returns the same child), within the limit of children. Returns the child's id, or "limit". A request
 * through a school's link adds one to that school's anonymous count, in the same transaction (so once).
 */
export async function addRemindedChild(
  db: PrismaClient,
  userId: string,
  request: RemindRequest,
  requestId: string,
  now = new Date(),
): Promise<{ childId: string } | "limit"> {
  return db.$transaction(async (tx) => {
    const room = await roomForChild(tx, userId);
    const existing = await tx.child.findUnique({ where: { requestId }, select: { id: true, userId: true } });
    if (existing && existing.userId === userId) return { childId: existing.id };
    if (!room) return "limit" as const;
    const child = await tx.child.create({ data: { ...request.child, userId, requestId } });
    await tx.checkInPlan.create({
      data: {
        childId: child.id,
        ...request.plan,
        nextDueAt: nextDueAfter(request.plan, now),
        calendarToken: request.plan.calendarEnabled ? newCalendarToken() : null,
      },
    });
    if (request.school) await countSignUp(tx, request.school, child, now);
    return { childId: child.id };
  });
}

/** What the page after confirming says: when the first check-in is, the calendar, a starter for tonight. */
export async function remindedChildSummary(
  userId: string,
  childId: string,
  db: PrismaClient = getDb(),
  now = new Date(),
) {
  const child = await db.child.findFirst({
    where: { id: childId, userId },
    include: { plan: true, schools: { select: { school: { select: { id: true, name: true } } } } },
  });
  if (!child?.plan) return null;
  const ageGroup = ageGroupOn(child, now);
  const prompt = chooseMonthlyPrompt({ ageGroup, month: now.toISOString().slice(0, 7), past: [], talks: [] });
  const guide = findGuide(ageGroup, prompt.topic);
  return {
    label: child.label,
    ageGroup,
    plan: child.plan,
    guidePath: guide?.path ?? `/guides/${ageGroup}`,
    starter: prompt.starter,
    countedBy: child.schools.map((link) => link.school),
  };
}

/** Talk Often's guides are for 4 to 17 year olds: a birth date outside that says so. */
function ageOutsideGuides(child: RemindRequest["child"], now = new Date()): string | null {
  if (!child.birthYear || !child.birthMonth) return null;
  const age = ageOn(child.birthYear, child.birthMonth, now);
  return age < 4 || age > 17
    ? "Our guides and check-ins are for children aged 4 to 17. Check the month and year, or choose an age group."
    : null;
}
