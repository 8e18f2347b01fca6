"use server";
// Server actions behind /account: forParent (arguments, session, database), then the plain function in
// lib/accounts/account-actions.ts, then a fresh page.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import {
  addChildFor,
  recordCheckInFor,
  regenerateCalendarFor,
  removeChildFor,
  savePlanFor,
  setHouseholdCalendarFor,
  setPausedFor,
  setSeparateRemindersFor,
  updateChildFor,
  type FormState,
  type Outcome,
} from "@/lib/accounts/account-actions";
import { stopCounting } from "@/lib/schools/school-counting";
import { deleteUserData } from "@/lib/accounts/account-data";
import { formValues } from "@/lib/server/form-input";
import { signOut } from "@/lib/auth/auth";
import { resumeReminderEmails } from "@/lib/email/mail-suppression";
import { requestEmailChange } from "@/lib/accounts/email-change";
import { getEnv } from "@/lib/server/env";
import { clientAddress } from "@/lib/server/request-client";
import { typedAddress, type AddressQuestion } from "@/lib/server/email-typos";
import { formArg, forParent, previousStateArg, rowIdArg } from "@/lib/auth/server-action";

export type { FormState };

const formAction = z.tuple([previousStateArg, formArg]);
const childFormAction = z.tuple([rowIdArg, previousStateArg, formArg]);
const childAction = z.tuple([rowIdArg]);

function settle(outcome: Outcome | "ok"): FormState {
  if (outcome === "not-found") notFound();
  if (outcome === "ok") {
    revalidatePath("/account");
    return { ok: true, values: {}, errors: {} };
  }
  if (outcome.ok) revalidatePath("/account");
  return outcome;
}

export async function addChild(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, userId } = await forParent(formAction, [_previous, form]);
  const outcome = await addChildFor(db, userId, formValues(form));
  if (!outcome.childId) return settle(outcome);
  revalidatePath("/account");
  // Onto the new child's card (focused there), not back to an empty form.
  redirect(`/account?added=${outcome.childId}#child-${outcome.childId}`);
}

export async function updateChild(childId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { db, userId } = await forParent(childFormAction, [childId, _previous, form]);
  return settle(await updateChildFor(db, userId, childId, formValues(form)));
}

export async function removeChild(childId: string): Promise<void> {
  const { db, userId } = await forParent(childAction, [childId]);
  settle(await removeChildFor(db, userId, childId));
}

export async function savePlan(childId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { db, userId } = await forParent(childFormAction, [childId, _previous, form]);
  return settle(await savePlanFor(db, userId, childId, formValues(form)));
}

export async function setPaused(childId: string, paused: boolean): Promise<void> {
  const { db, userId } = await forParent(z.tuple([rowIdArg, z.boolean()]), [childId, paused]);
  settle(await setPausedFor(db, userId, childId, paused));
}

export async function recordCheckIn(
  childId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const { db, userId } = await forParent(childFormAction, [childId, _previous, form]);
  return settle(await recordCheckInFor(db, userId, childId, formValues(form)));
}

export async function regenerateCalendar(childId: string): Promise<void> {
  const { db, userId } = await forParent(childAction, [childId]);
  settle(await regenerateCalendarFor(db, userId, childId));
}

export async function deleteAccount(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, userId } = await forParent(formAction, [_previous, form]);
  if (form.get("confirm") !== "delete") {
    return {
      ok: false,
      values: {},
      errors: { confirm: "Tick the box to confirm that you want to delete everything." },
    };
  }
  // Sign out first, so that Auth.js removes the session it knows about before everything goes.
  await signOut({ redirect: false });
  await deleteUserData(db, userId);
  redirect("/?deleted=1");
}

export type EmailChangeState = { email: string; error?: string; sentTo?: string } & Partial<AddressQuestion>;

/** "Use another email address": a confirmation link goes to the new address (lib/accounts/email-change.ts). */
export async function requestNewEmail(
  _previous: EmailChangeState,
  form: FormData,
): Promise<EmailChangeState> {
  const { db, userId } = await forParent(formAction, [_previous, form]);
  const typed = typedAddress(form);
  if ("question" in typed) return typed.question;
  const raw = typed.address;
  const client = await clientAddress();
  const result = await requestEmailChange(db, getEnv(), userId, raw, client);
  return result.ok ? { email: "", sentTo: result.email } : { email: raw, error: result.error };
}

/** "Send my check-in emails again" after a bounce or a complaint: only the parent can do this. */
export async function resumeEmails(): Promise<void> {
  const { db, userId } = await forParent(z.tuple([]), []);
  await resumeReminderEmails(db, userId);
  revalidatePath("/account");
}

/** "Stop counting": the school no longer counts this child's family (it never knew who they were). */
export async function stopSchoolCounting(childId: string, schoolId: string): Promise<void> {
  const { db, userId } = await forParent(z.tuple([rowIdArg, rowIdArg]), [childId, schoolId]);
  settle(await stopCounting(db, userId, childId, schoolId));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** "One email for all my children" or "A separate email for each child" (the form's `emails`). */
export async function setSeparateReminders(_previous: null, form: FormData): Promise<void> {
  const { db, userId } = await forParent(formAction, [_previous, form]);
  const choice = z.enum(["together", "separate"]).safeParse(form.get("emails"));
  if (!choice.success) notFound();
  settle(await setSeparateRemindersFor(db, userId, choice.data === "separate"));
}

/** The household's one calendar address: make it, replace it, or turn it off. */
export async function householdCalendar(change: "on" | "renew" | "off"): Promise<void> {
  const { db, userId } = await forParent(z.tuple([z.enum(["on", "renew", "off"])]), [change]);
  settle(await setHouseholdCalendarFor(db, userId, change));
}
