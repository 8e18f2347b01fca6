"use client";
// The one-step form at /remind: email, the child's age, when in the month (a default shown in plain
// words, editable), email and/or calendar. Works without JavaScript; keeps what was typed on an error.
import { useActionState } from "react";
import type { RemindState } from "@/app/(site)/remind/actions";
import { ChildFields } from "@/components/account/child-fields";
import { PlanFields, useBrowserTimeZone } from "@/components/account/plan-fields";
import { TimeZoneList } from "@/components/account/time-zone-list";
import { buttonClass, fieldBinder, type FormAction, TextField } from "@/components/ui/field";
import { DidYouMean } from "@/components/ui/email-field";
import { FormAlert, problemsOf } from "@/components/ui/form-alert";

export function RemindForm({
  action,
  initial,
  permalink,
  school,
}: {
  action: FormAction<RemindState>;
  initial: Record<string, string>;
  permalink: string;
  /** The code of the school whose link the parent came through, counted once they confirm. */
  school?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { values: initial, errors: {} }, permalink);
  const detected = useBrowserTimeZone();
  const values = { ...initial, ...state.values };
  const e = state.errors;
  const timeZone = values.timeZone ?? detected ?? "Europe/London";
  return (
    <form action={formAction} noValidate className="mt-6">
      {school && <input type="hidden" name="school" value={school} />}
      {Object.keys(e).length > 0 && (
        <FormAlert
          answer={state}
          title={e.form ?? "There is a problem: please change what is marked below."}
          problems={problemsOf(e, REMIND_FIELDS)}
        />
      )}
      <TextField
        {...fieldBinder("remind", values, e)("address")}
        label="Your email address"
        type="email"
        autoComplete="email"
      />
      {/* After "Did you mean …?": the two addresses to choose from; the one asked about is sent back. */}
      {state.suggestion && values.addressChecked ? (
        <DidYouMean suggestion={state.suggestion} checked={values.addressChecked} />
      ) : (
        values.addressChecked && <input type="hidden" name="addressChecked" value={values.addressChecked} />
      )}
      {/* Keyed by what they show, so that a <select> keeps what was sent after an error (child-form.tsx). */}
      <ChildFields key={JSON.stringify(values)} values={values} errors={e} idPrefix="remind-child" />
      <details className="mt-4" open={Object.keys(e).some((k) => PLAN_FIELDS.includes(k))}>
        <summary className="cursor-pointer font-semibold">
          When: the first Sunday of each month at 7pm, by email (change)
        </summary>
        <PlanFields
          key={JSON.stringify(values)}
          values={values}
          errors={e}
          idPrefix="remind-plan"
          timeZone={timeZone}
          isNew
          timeZoneListId="remind-time-zones"
        />
      </details>
      <TimeZoneList id="remind-time-zones" />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>
        Send me the monthly reminder
      </button>
    </form>
  );
}

const PLAN_FIELDS = ["ruleKind", "dayOfMonth", "nth", "weekday", "localTime", "timeZone", "channels"];

/** The form's fields in the order they appear, with the id each error links to. */
const REMIND_FIELDS = [
  { name: "address", id: "remind-address" },
  { name: "label", id: "remind-child-label" },
  { name: "ageBy" },
  ...["ageGroup", "birthMonth", "birthYear"].map((name) => ({ name, id: `remind-child-${name}` })),
  ...PLAN_FIELDS.map((name) =>
    ["localTime", "timeZone"].includes(name) ? { name, id: `remind-plan-${name}` } : { name },
  ),
];
