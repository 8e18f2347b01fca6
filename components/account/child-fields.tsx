// The fields of a child (an optional nickname, and an age group or a birth month and year), shared by the
// account page's child forms and the one-step form at /remind. Only the chosen way of giving the age
// shows (CSS :has() on the radio buttons, in globals.css: no JavaScript needed).
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function ChildFields({
  values,
  errors: e,
  idPrefix,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const labelHint = "So you can tell your children apart. Please don't use their full name.";
  return (
    <>
      {/* No maxLength: a longer name is refused with a message, never cut short without a word. */}
      <Field id={id("label")} label="A nickname or initial (optional)" hint={labelHint} error={e.label}>
        <input
          id={id("label")}
          name="label"
          autoComplete="off"
          defaultValue={values.label ?? ""}
          className={inputClass}
          {...describedBy(id("label"), labelHint, e.label)}
        />
      </Field>
      <fieldset className="age-by mt-4">
        <legend className="font-semibold">How old are they?</legend>
        {e.ageBy && <p className="m-0 font-semibold text-red-800 dark:text-red-300">{e.ageBy}</p>}
        <div className="mt-2 flex flex-wrap gap-x-6">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="ageBy"
              value="group"
              defaultChecked={(values.ageBy ?? "group") === "group"}
            />{" "}
            Choose an age group
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="ageBy" value="birth" defaultChecked={values.ageBy === "birth"} /> Give
            their birth month and year
          </label>
        </div>
        <div className="age-by-group">
          <Field id={id("ageGroup")} label="Age group" error={e.ageGroup}>
            <select
              id={id("ageGroup")}
              name="ageGroup"
              defaultValue={values.ageGroup ?? ""}
              className={inputClass}
              {...describedBy(id("ageGroup"), undefined, e.ageGroup)}
            >
              <option value="">Choose…</option>
              {AGE_GROUPS.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {ageGroupLabel(g)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="age-by-birth">
          <p className="m-0 mt-2 text-sm text-ink-muted dark:text-night-muted">
            With a birth month and year, their age group moves on by itself as they grow.
          </p>
          <div className="flex flex-wrap gap-4">
            <Field id={id("birthMonth")} label="Birth month" error={e.birthMonth}>
              <select
                id={id("birthMonth")}
                name="birthMonth"
                defaultValue={values.birthMonth ?? ""}
                className={inputClass}
                {...describedBy(id("birthMonth"), undefined, e.birthMonth)}
              >
                <option value="">Month…</option>
                {MONTHS.map((m, i) => (
                  <option key={m} value={String(i + 1)}>
                    {m}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id("birthYear")} label="Birth year" error={e.birthYear}>
              <input
                id={id("birthYear")}
                name="birthYear"
                inputMode="numeric"
                maxLength={4}
                defaultValue={values.birthYear ?? ""}
                className={`${inputClass} w-28`}
                {...describedBy(id("birthYear"), undefined, e.birthYear)}
              />
            </Field>
          </div>
        </div>
      </fieldset>
    </>
  );
}
