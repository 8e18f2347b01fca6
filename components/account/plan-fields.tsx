"use client";
// The fields of a monthly plan (when in the month, the time and time zone, email and/or calendar),
// shared by the account page's plan form and the one-step form at /remind.
import { useSyncExternalStore } from "react";
import {
  type Choice,
  describedBy,
  fieldBinder,
  inputClass,
  Select,
  SelectField,
  TextField,
} from "@/components/ui/field";
import { NTHS, WEEKDAYS } from "@/lib/reminders/plans";
import { COMMON_TIME_ZONES, OTHER_TIME_ZONE } from "@/lib/reminders/common-time-zones";

const DAYS_OF_MONTH = Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
const NTH_CHOICES = NTHS.map((n) => ({ value: String(n.value), label: n.label }));
const WEEKDAY_CHOICES = WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }));

/** The list's zones, with the plan's (or the browser's) own first when the list does not have it. */
function zoneChoices(zone: string): Choice[] {
  const common: readonly string[] = COMMON_TIME_ZONES;
  const zones = zone === OTHER_TIME_ZONE || common.includes(zone) ? common : [zone, ...common];
  return zones.map((z) => ({ value: z, label: z === "Europe/Kiev" ? "Europe/Kyiv" : z.replace(/_/g, " ") }));
}

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

/** The browser's time zone where JavaScript runs; null on the server and without JavaScript. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    () => () => {},
    browserTimeZone,
    () => null,
  );
}

export function PlanFields({
  values,
  errors: e,
  idPrefix,
  timeZone,
  isNew,
  timeZoneListId,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  idPrefix: string;
  timeZone: string;
  isNew: boolean;
  /** The id of the page's one <datalist> of time zones, for "Another time zone…". */
  timeZoneListId: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const bind = fieldBinder(idPrefix, values, e);
  const ruleRadio = (value: string, radioId?: string) => (
    <input
      type="radio"
      id={radioId}
      name="ruleKind"
      value={value}
      defaultChecked={(values.ruleKind ?? "DAY_OF_MONTH") === value}
    />
  );
  // A select named by its aria-label, inside a sentence ("On the [first] [Sunday]"); `linked`: its error
  // is shown (and linked) under the line.
  const inlineSelect = (name: string, label: string, fallback: string, choices: Choice[], linked = false) => (
    <Select
      aria-label={label}
      name={name}
      defaultValue={values[name] ?? fallback}
      className="rounded border border-ink-muted bg-white px-2 py-1 text-ink"
      choices={choices}
      {...(linked && describedBy(id(name), undefined, e[name]))}
    />
  );
  return (
    <>
      <fieldset className="mt-2">
        <legend className="font-semibold">When in the month</legend>
        {e.ruleKind && <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.ruleKind}</p>}
        <div className="mt-2 grid gap-2">
          {/* A label may hold one control: the radio has its label, the selects their own names. */}
          <div className="flex flex-wrap items-center gap-2">
            {ruleRadio("DAY_OF_MONTH", id("rule-day"))}
            <label htmlFor={id("rule-day")}>On day</label>
            {inlineSelect("dayOfMonth", "Day of the month", "1", DAYS_OF_MONTH, true)}
          </div>
          {e.dayOfMonth && (
            <p id={id("dayOfMonth-error")} className="m-0 font-semibold text-red-800 dark:text-red-300">
              {e.dayOfMonth}
            </p>
          )}
          <label className="flex items-center gap-2">{ruleRadio("LAST_DAY")} On the last day</label>
          <div className="flex flex-wrap items-center gap-2">
            {ruleRadio("NTH_WEEKDAY", id("rule-weekday"))}
            <label htmlFor={id("rule-weekday")}>On the</label>
            {inlineSelect("nth", "Which week", "1", NTH_CHOICES)}
            {inlineSelect("weekday", "Day of the week", "7", WEEKDAY_CHOICES)}
          </div>
          {(e.nth || e.weekday) && (
            <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.nth ?? e.weekday}</p>
          )}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <TextField
          {...bind("localTime", "19:00")}
          label="Time"
          type="time"
          className={`${inputClass} w-36`}
        />
        {/* A list of common zones; "Another time zone…" shows a field for any other (globals.css). */}
        <div className="time-zone">
          <SelectField
            {...bind("timeZone")}
            label="Time zone"
            defaultValue={timeZone}
            key={isNew ? timeZone : "tz"}
            choices={zoneChoices(timeZone)}
          >
            <option value={OTHER_TIME_ZONE}>Another time zone…</option>
          </SelectField>
          <div className="time-zone-other">
            <TextField
              {...bind("timeZoneOther")}
              label="Which time zone? (such as Asia/Kathmandu)"
              list={timeZoneListId}
              autoComplete="off"
            />
          </div>
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="font-semibold">How to remind you</legend>
        {e.channels && <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.channels}</p>}
        <label className="mt-1 flex items-center gap-2">
          <input type="checkbox" name="email" defaultChecked={isNew ? true : values.email === "on"} /> By
          email
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="calendar" defaultChecked={values.calendar === "on"} /> In my calendar
        </label>
      </fieldset>
    </>
  );
}
