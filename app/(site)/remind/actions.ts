"use server";
// The one-step form at /remind: checked as one request; a parent signed in as that address gets the
// child and plan at once, anyone else one email whose button confirms (lib/accounts/remind-request.ts).
import { randomBytes } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import {
  addRemindedChild,
  describeRemindRequest,
  parseRemindForm,
  readSchoolChoice,
  readyPath,
  signRemindRequest,
} from "@/lib/accounts/remind-request";
import { formValues } from "@/lib/server/form-input";
import { typedAddress } from "@/lib/server/email-typos";
import { TOO_MANY_CHILDREN } from "@/lib/accounts/account-actions";
import { requireLinkSecret } from "@/lib/server/signed-links";
import { auth, requestSignInEmail } from "@/lib/auth/auth";
import { remindConfirmEmail } from "@/lib/email/remind-confirm-email";
import { clientAddress } from "@/lib/server/request-client";
import { countFamily } from "@/lib/schools/school-counting";
import { schoolByCode } from "@/lib/schools/schools";
import { signInRefusalMessage } from "@/lib/auth/sign-in-limits";
import { formArg, forAnyone, forParent, previousStateArg, rowIdArg } from "@/lib/auth/server-action";

/** `suggestion`: the address to ask "Did you mean …?" about (lib/server/email-typos.ts). */
export type RemindState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  suggestion?: string;
};

export async function requestReminder(_previous: RemindState, form: FormData): Promise<RemindState> {
  const { db } = forAnyone(z.tuple([previousStateArg, formArg]), [_previous, form]);
  const values = formValues(form);
  // A likely slip (parent@gmial.con) is asked about once: its confirmation email would never arrive.
  const typed = typedAddress(form, "address");
  if ("question" in typed) {
    const { checked, error, suggestion } = typed.question;
    return { values: { ...values, addressChecked: checked }, errors: { address: error }, suggestion };
  }
  values.address = typed.address;
  const parsed = parseRemindForm(values);
  if (!parsed.ok) return { values, errors: parsed.errors };
  const { request } = parsed;

  const session = await auth();
  if (session?.user?.id && session.user.email?.toLowerCase() === request.email) {
    const made = await addRemindedChild(db, session.user.id, request, randomBytes(12).toString("base64url"));
    if (made === "limit") return { values, errors: { form: TOO_MANY_CHILDREN } };
    if (made === "used") throw new Error("A fresh request id was already used");
    redirect(readyPath(made.childId, request.school));
  }
  const token = signRemindRequest(requireLinkSecret(), request);
  const client = await clientAddress();
  // A registered school's link has room for a hall full of families on one Wi-Fi address.
  const school = request.school ? ((await schoolByCode(request.school, db))?.code ?? null) : null;
  const sent = await requestSignInEmail(
    request.email,
    { client, school },
    `/remind/ready?r=${token}`,
    (to, url, short) => remindConfirmEmail(to, url, describeRemindRequest(request), short),
  );
  if (sent !== "sent") return { values, errors: { form: signInRefusalMessage(sent) } };
  redirect("/remind/check-email");
}

/**
 * The confirmation page's choice, unticked unless the parent ticks it: "Let <school> count our family".
 * Only a tick links the school to the child; otherwise nothing is written. Only the school whose link
 * made the child may count it: `choice` is signed (readyPath), so the browser cannot name another.
 */
export async function chooseSchoolCounting(
  childId: string,
  choice: string,
  _previous: null,
  form: FormData,
): Promise<void> {
  const { db, userId } = await forParent(
    z.tuple([rowIdArg, z.string().max(400), previousStateArg, formArg]),
    [childId, choice, _previous, form],
  );
  const code = readSchoolChoice(requireLinkSecret(), choice, childId);
  if (!code) notFound();
  const yes = form.get("count") === "yes";
  if (yes && (await countFamily(db, userId, childId, code)) === "not-found") notFound();
  // The code stays out of the next address (and so out of access logs) once the choice is made.
  redirect(`/remind/ready?child=${childId}&counted=${yes ? "yes" : "no"}`);
}
