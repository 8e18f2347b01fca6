"use server";
// Server actions behind /account: the session, then lib/account-actions.ts, then a fresh page.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { deleteUserData } from "@/lib/account-data";
import {
  addChildFor,
  recordCheckInFor,
  regenerateCalendarFor,
  removeChildFor,
  savePlanFor,
  setPausedFor,
  updateChildFor,
  type FormState,
  type Outcome,
} from "@/lib/account-actions";
import { signOut } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { requireUserId } from "@/lib/session";
import { formValues } from "@/lib/validations/account";
import { actionArgs, formArg, previousStateArg, rowIdArg } from "@/lib/validations/action-args";
import { z } from "zod";

export type { FormState };

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
  actionArgs(z.tuple([previousStateArg, formArg]), [_previous, form]);
  return settle(await addChildFor(getDb(), await requireUserId(), formValues(form)));
}

export async function updateChild(childId: string, _previous: FormState, form: FormData): Promise<FormState> {
  actionArgs(z.tuple([rowIdArg, previousStateArg, formArg]), [childId, _previous, form]);
  return settle(await updateChildFor(getDb(), await requireUserId(), childId, formValues(form)));
}

export async function removeChild(childId: string): Promise<void> {
  actionArgs(z.tuple([rowIdArg]), [childId]);
  settle(await removeChildFor(getDb(), await requireUserId(), childId));
}

export async function savePlan(childId: string, _previous: FormState, form: FormData): Promise<FormState> {
  actionArgs(z.tuple([rowIdArg, previousStateArg, formArg]), [childId, _previous, form]);
  return settle(await savePlanFor(getDb(), await requireUserId(), childId, formValues(form)));
}

export async function setPaused(childId: string, paused: boolean): Promise<void> {
  actionArgs(z.tuple([rowIdArg, z.boolean()]), [childId, paused]);
  settle(await setPausedFor(getDb(), await requireUserId(), childId, paused));
}

export async function recordCheckIn(
  childId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  actionArgs(z.tuple([rowIdArg, previousStateArg, formArg]), [childId, _previous, form]);
  return settle(await recordCheckInFor(getDb(), await requireUserId(), childId, formValues(form)));
}

export async function regenerateCalendar(childId: string): Promise<void> {
  actionArgs(z.tuple([rowIdArg]), [childId]);
  settle(await regenerateCalendarFor(getDb(), await requireUserId(), childId));
}

export async function deleteAccount(_previous: FormState, form: FormData): Promise<FormState> {
  actionArgs(z.tuple([previousStateArg, formArg]), [_previous, form]);
  const userId = await requireUserId();
  if (form.get("confirm") !== "delete") {
    return {
      ok: false,
      values: {},
      errors: { confirm: "Tick the box to confirm that you want to delete everything." },
    };
  }
  // Sign out first, so that Auth.js removes the session it knows about before everything goes.
  await signOut({ redirect: false });
  await deleteUserData(getDb(), userId);
  redirect("/?deleted=1");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
