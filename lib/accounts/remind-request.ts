// The one-step way in (/remind): a parent's email, their child's age and when in the month, checked
// together. Until the parent presses the button in the confirmation email, the request exists only
// inside that email's signed link (nothing is stored but Auth.js's sign-in token); then the child and
// the plan are made in their account, once, however often the link's page is opened.
import { z } from "zod";
import { roomForChild } from "@/lib/accounts/account-actions";
import { ageGroupOn, ageOn } from "@/lib/guides/age-groups";
import { chooseMonthlyPrompt } from "@/lib/reminders/monthly-prompt";
import { describeRule, nextDueAfter, ruleOf } from "@/lib/reminders/plans";
import { childSchema } from "@/lib/accounts/validations";
import { planSchema } from "@/lib/reminders/plan-schema";
import { emailSchema, fieldErrorsOf, type FieldErrors } from "@/lib/server/form-input";
import { findGuide } from "@/lib/guides/load-guides";
import { newCalendarToken } from "@/lib/reminders/calendar-feed";
import { requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";
import { readSchoolCode } from "@/lib/schools/school-code";
import { countSignUp } from "@/lib/schools/school-counting";
import { getDb } from "@/lib/server/db";
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
 * parent is not the one it was sent to, "limit" when they have the most children already, "used" when
 * the request was confirmed before (also if that child was removed since).
 */
export async function confirmRemindRequest(
  user: { id: string; email: string },
  token: string,
  db: PrismaClient = getDb(),
): Promise<{ childId: string; school: string | null } | "limit" | "other-address" | "used" | null> {
  const read = readRemindRequest(requireLinkSecret(), token);
  if (!read) return null;
  if (read.request.email !== user.email.toLowerCase()) return "other-address";
  const made = await addRemindedChild(db, user.id, read.request, read.id);
  return typeof made === "string" ? made : { ...made, school: read.request.school ?? null };
}

/**
 * Auth.js's answer to the confirmation email's button (a POST): when it signed the parent in and sends
 * them on to /remind/ready?r=<request>, the child and plan are made here, in that POST, and the answer
 * sends them to the page that shows them instead. The request never reaches a page a GET can open, so
 * a link to /remind/ready makes nothing. Every other answer is passed on unchanged.
 */
export async function finishRemindSignIn(
  url: URL,
  response: Response,
  appUrl: string,
  db: PrismaClient = getDb(),
): Promise<Response> {
  const location = response.headers.get("location");
  if (
    !url.pathname.endsWith("/callback/email") ||
    !location ||
    response.status < 300 ||
    response.status > 399
  )
    return response;
  const target = new URL(location, appUrl);
  const token = target.searchParams.get("r");
  if (target.pathname !== "/remind/ready" || !token) return response;
  const email = url.searchParams.get("email")?.toLowerCase() ?? "";
  const user = email
    ? await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } })
    : null;
  const made = user?.email ? await confirmRemindRequest({ id: user.id, email: user.email }, token, db) : null;
  const next =
    made === null || typeof made === "string"
      ? `/remind/ready?problem=${made ?? "expired"}`
      : readyPath(made.childId, made.school);
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers.set(name, value);
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  headers.set("location", `${appUrl}${next}`);
  return new Response(null, { status: response.status, headers });
}

/** The page after a child was made through /remind, with the school's choice when it came through one. */
export function readyPath(childId: string, school: string | null | undefined): string {
  return `/remind/ready?child=${childId}${school ? `&c=${signSchoolChoice(requireLinkSecret(), childId, school)}` : ""}`;
}

/** How long the page after confirming offers "Let <school> count our family". */
const SCHOOL_CHOICE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The school whose link made `childId`, signed: only that school may be chosen to count the family
 * (the choice's form carries this, never a code the browser could change).
 */
export function signSchoolChoice(secret: string, childId: string, code: string, now = new Date()): string {
  return signLink(secret, "school-choice", `${childId}:${code}`, { ttlMs: SCHOOL_CHOICE_TTL_MS, now });
}

/** The school code a choice token names for `childId`, or null when it is not ours, altered or expired. */
export function readSchoolChoice(
  secret: string,
  token: string,
  childId: string,
  now = new Date(),
): string | null {
  const link = verifyLink(secret, token, "school-choice", now);
  if (!link) return null;
  const [child, code] = link.subject.split(":");
  return child === childId && code ? code : null;
}

/** The request, signed and expiring, to travel in the confirmation link (lib/server/signed-links.ts). */
/** What a request asks for, as its confirmation email says it: "a reminder on the first Sunday of each
 *  month at 19:00 (Europe/London), by email, to talk with your child aged 8 to 10". */
export function describeRemindRequest({ child, plan }: RemindRequest): string {
  const channels = [plan.emailEnabled && "by email", plan.calendarEnabled && "in your calendar"].filter(
    Boolean,
  );
  const age = child.ageGroup
    ? `your child aged ${child.ageGroup.replace("-", " to ")}`
    : `your child born in ${child.birthMonth}/${child.birthYear}`;
  return `a reminder ${describeRule(ruleOf(plan))} at ${plan.localTime} (${plan.timeZone}), ${channels.join(" and ")}, to talk with ${age}`;
}

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
 * Makes the requested child and plan in the parent's account, once per request id: a request is
 * recorded as used in the same transaction, so a second confirmation (or one after the child was
 * removed) makes nothing and returns "used". Within the limit of children ("limit"). A request through
 * a school's link adds one to that school's anonymous count, in the same transaction (so once).
 */
export async function addRemindedChild(
  db: PrismaClient,
  userId: string,
  request: RemindRequest,
  requestId: string,
  now = new Date(),
): Promise<{ childId: string } | "limit" | "used"> {
  return db
    .$transaction(async (tx) => {
      const room = await roomForChild(tx, userId);
      // One statement decides, also when two confirmations race: the second waits, then finds the row.
      const { count } = await tx.usedRemindRequest.createMany({
        data: [{ id: requestId }],
        skipDuplicates: true,
      });
      if (count === 0) return "used" as const;
      if (!room) throw new NoRoom();
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
    })
    .catch((error: unknown) => {
      // No room: nothing is kept, the request's use included, so that it works once a child is removed.
      if (error instanceof NoRoom) return "limit" as const;
      throw error;
    });
}

class NoRoom extends Error {}

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
