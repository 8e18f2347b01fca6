"use server";
// Server actions behind a school's pages (/schools/register, /school/<code>, /school/join/<token>):
// forParent (arguments, session, database), then the plain function in lib/schools/ (schools.ts,
// school-contacts.ts).
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { formValues } from "@/lib/server/form-input";
import {
  acceptInvitation,
  cancelInvitation,
  inviteContact,
  removeContact,
} from "@/lib/schools/school-contacts";
import { deleteSchool, registerSchool, schoolForContact } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/server/env";
import { clientAddress } from "@/lib/server/request-client";
import { typedAddress, type AddressQuestion } from "@/lib/server/email-typos";
import {
  formArg,
  forAnyone,
  forParent,
  previousStateArg,
  rowIdArg,
  tokenArg,
} from "@/lib/auth/server-action";

export type SchoolFormState = { values: Record<string, string>; errors: Record<string, string> };
export type InviteState = { email: string; error?: string; sentTo?: string } & Partial<AddressQuestion>;

const codeArg = z.string().max(20);

export async function registerSchoolAction(
  _previous: SchoolFormState,
  form: FormData,
): Promise<SchoolFormState> {
  const { db, userId } = await forParent(z.tuple([previousStateArg, formArg]), [_previous, form]);
  const values = formValues(form);
  const client = await clientAddress();
  const result = await registerSchool(db, userId, values, client);
  if (!result.ok) return { values, errors: result.errors };
  redirect(`/school/${result.code}`);
}

/** The school, for a signed-in contact of it; a 404 for anyone else. */
async function contactsSchool(args: z.ZodType, values: unknown[], code: string) {
  const { db, userId } = await forParent(args, values);
  const school = await schoolForContact(userId, code, db);
  if (!school) notFound();
  return { db, userId, school };
}

export async function inviteContactAction(
  code: string,
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  const { db, userId, school } = await contactsSchool(
    z.tuple([codeArg, previousStateArg, formArg]),
    [code, _previous, form],
    code,
  );
  const typed = typedAddress(form);
  if ("question" in typed) return typed.question;
  const raw = typed.address;
  const from = school.contacts.find((contact) => contact.userId === userId)!.user.email;
  const client = await clientAddress();
  const result = await inviteContact(db, getEnv(), school, from, raw, client);
  if (!result.ok) return { email: raw, error: result.error };
  revalidatePath(`/school/${school.code}`); // the invitation is listed as waiting
  return { email: "", sentTo: result.email };
}

export async function removeContactAction(code: string, contactUserId: string): Promise<void> {
  const { db, userId, school } = await contactsSchool(
    z.tuple([codeArg, rowIdArg]),
    [code, contactUserId],
    code,
  );
  const outcome = await removeContact(db, school, contactUserId);
  if (outcome === "not-found") notFound();
  if (outcome === "last") redirect(`/school/${school.code}?problem=last-contact`);
  if (contactUserId === userId) redirect("/schools/register");
  revalidatePath(`/school/${school.code}`);
}

export async function cancelInvitationAction(code: string, invitationId: string): Promise<void> {
  const { db, school } = await contactsSchool(z.tuple([codeArg, rowIdArg]), [code, invitationId], code);
  if ((await cancelInvitation(db, school, invitationId)) === "not-found") notFound();
  revalidatePath(`/school/${school.code}`);
}

export async function deleteSchoolAction(code: string, _previous: unknown, form: FormData): Promise<void> {
  const { db, school } = await contactsSchool(
    z.tuple([codeArg, previousStateArg, formArg]),
    [code, _previous, form],
    code,
  );
  if (form.get("confirm") !== "delete") redirect(`/school/${school.code}?problem=confirm-delete#delete`);
  await deleteSchool(db, school);
  redirect("/schools/register?deleted=1");
}

/** The invitation's button (GET changes nothing: mail scanners open links). */
export async function acceptInvitationAction(token: string): Promise<void> {
  const { db } = forAnyone(z.tuple([tokenArg]), [token]);
  const outcome = await acceptInvitation(db, getEnv(), token);
  if (typeof outcome === "string") redirect(`/school/join/${encodeURIComponent(token)}?done=${outcome}`);
  // Signed in as that address already: straight to the school. Otherwise, a sign-in link leads there.
  const session = await auth();
  if (session?.user?.email?.toLowerCase() === outcome.email) redirect(`/school/${outcome.code}`);
  redirect(`/school/join/joined?s=${outcome.code}`);
}
