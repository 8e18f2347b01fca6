"use client";
import { useActionState } from "react";
import type { FormState } from "@/app/account/actions";
import { PlanFields, useBrowserTimeZone } from "@/components/account/plan-fields";
import { buttonClass, type FormAction } from "@/components/ui/field";
import { FieldErrorsAlert } from "@/components/ui/form-alert";

/** The plan's fields as its errors name them, with the control each error's link goes to. */
const PLAN_FIELDS: [name: string, control?: string][] = [
  ["ruleKind", "rule-day"],
  ["dayOfMonth", "rule-day"],
  ["nth", "rule-weekday"],
  ["weekday", "rule-weekday"],
  ["localTime", "localTime"],
  ["timeZone", "timeZone"],
  ["timeZoneOther", "timeZoneOther"],
  ["channels"],
];

export function PlanForm({
  action,
  initial,
  idPrefix,
  timeZoneListId,
}: {
  action: FormAction<FormState>;
  initial: Record<string, string> | null;
  idPrefix: string;
  /** The id of the page's one <datalist> of time zones. */
  timeZoneListId: string;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    { ok: true, values: initial ?? {}, errors: {} },
    "/account",
  );
  // A new plan starts in the browser's own time zone where JavaScript runs; Europe/London otherwise.
  const detected = useBrowserTimeZone();
  const values = state.ok && !state.message ? (initial ?? {}) : { ...(initial ?? {}), ...state.values };
  const isNew = !initial;
  const e = state.errors;
  const timeZone = values.timeZone ?? detected ?? "Europe/London";
  return (
    <form action={formAction} noValidate>
      <FieldErrorsAlert
        answer={state}
        errors={e}
        fields={PLAN_FIELDS.map(([name, control]) => ({
          name,
          ...(control ? { id: `${idPrefix}-${control}` } : {}),
        }))}
      />
      <PlanFields
        key={JSON.stringify(values)}
        values={values}
        errors={e}
        idPrefix={idPrefix}
        timeZone={timeZone}
        isNew={isNew}
        timeZoneListId={timeZoneListId}
      />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-4`}>
        Save check-in plan
      </button>
      <p role="status" className="m-0 mt-2">
        {state.ok ? state.message : ""}
      </p>
    </form>
  );
}
