"use client";
// The fields of a monthly plan (when in the month, the time and time zone, email and/or calendar),
// shared by the account page's plan form and the one-step form at /remind.
import { useSyncExternalStore } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { NTHS, WEEKDAYS } from "@/lib/reminders/plans";
import { COMMON_TIME_ZONES, OTHER_TIME_ZONE } from "@/lib/reminders/common-time-zones";

/** The list's zones, with the plan's (or the browser's) own first when the list does not have it. */
function zonesWith(zone: string): string[] {
  const common: readonly string[] = COMMON_TIME_ZONES;
  return zone === OTHER_TIME_ZONE || common.includes(zone) ? [...common] : [zone, ...common];
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
  return (
    <>
      <fieldset className="mt-2">
        <legend className="font-semibold">When in the month</legend>
        {e.ruleKind && <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.ruleKind}</p>}
        <div className="mt-2 grid gap-2">
          {/* A label may hold one control: the radio has its label, the selects their own names. */}
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="radio"
              id={id("rule-day")}
              name="ruleKind"
              value="DAY_OF_MONTH"
              defaultChecked={(values.ruleKind ?? "DAY_OF_MONTH") === "DAY_OF_MONTH"}
            />
            <label htmlFor={id("rule-day")}>On day</label>
            <select
              aria-label="Day of the month"
              name="dayOfMonth"
              defaultValue={values.dayOfMonth ?? "1"}
              className="rounded border border-ink-muted bg-white px-2 py-1 text-ink"
              {...describedBy(id("dayOfMonth"), undefined, e.dayOfMonth)}
            >
              {Array.from({ length: 28 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
          {e.dayOfMonth && (
            <p id={id("dayOfMonth-error")} className="m-0 font-semibold text-red-800 dark:text-red-300">
              {e.dayOfMonth}
            </p>
          )}
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="ruleKind"
              value="LAST_DAY"
              defaultChecked={values.ruleKind === "LAST_DAY"}
            />{" "}
            On the last day
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="radio"
              id={id("rule-weekday")}
              name="ruleKind"
              value="NTH_WEEKDAY"
              defaultChecked={values.ruleKind === "NTH_WEEKDAY"}
            />
            <label htmlFor={id("rule-weekday")}>On the</label>
            <select
              aria-label="Which week"
              name="nth"
              defaultValue={values.nth ?? "1"}
              className="rounded border border-ink-muted bg-white px-2 py-1 text-ink"
            >
              {NTHS.map((n) => (
                <option key={n.value} value={String(n.value)}>
                  {n.label}
                </option>
              ))}
            </select>
            <select
              aria-label="Day of the week"
              name="weekday"
              defaultValue={values.weekday ?? "7"}
              className="rounded border border-ink-muted bg-white px-2 py-1 text-ink"
            >
              {WEEKDAYS.map((w, i) => (
                <option key={w} value={String(i + 1)}>
                  {w}
                </option>
              ))}
            </select>
          </div>
          {(e.nth || e.weekday) && (
            <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.nth ?? e.weekday}</p>
          )}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Field id={id("localTime")} label="Time" error={e.localTime}>
          <input
            id={id("localTime")}
            name="localTime"
            type="time"
            defaultValue={values.localTime ?? "19:00"}
            className={`${inputClass} w-36`}
            {...describedBy(id("localTime"), undefined, e.localTime)}
          />
        </Field>
        {/* A list of common zones; "Another time zone…" shows a field for any other (globals.css). */}
        <div className="time-zone">
          <Field id={id("timeZone")} label="Time zone" error={e.timeZone}>
            <select
              id={id("timeZone")}
              name="timeZone"
              defaultValue={timeZone}
              key={isNew ? timeZone : "tz"}
              className={inputClass}
              {...describedBy(id("timeZone"), undefined, e.timeZone)}
            >
              {zonesWith(timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone === "Europe/Kiev" ? "Europe/Kyiv" : zone.replace(/_/g, " ")}
                </option>
              ))}
              <option value={OTHER_TIME_ZONE}>Another time zone…</option>
            </select>
          </Field>
          <div className="time-zone-other">
            <Field id={id("timeZoneOther")} label="Which time zone? (such as Asia/Kathmandu)">
              <input
                id={id("timeZoneOther")}
                name="timeZoneOther"
                list={timeZoneListId}
                defaultValue={values.timeZoneOther ?? ""}
                autoComplete="off"
                className={inputClass}
              />
            </Field>
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
