// The fields of a child (an optional nickname, and an age group or a birth month and year), shared by the
// account page's child forms and the one-step form at /remind. Only the chosen way of giving the age
// shows (CSS :has() on the radio buttons, in globals.css: no JavaScript needed).
import { fieldBinder, inputClass, SelectField, TextField } from "@/components/ui/field";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";

const MONTH_CHOICES = [
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
].map((label, i) => ({ value: String(i + 1), label }));
const AGE_CHOICES = AGE_GROUPS.map((g) => ({ value: g.slug, label: ageGroupLabel(g) }));

export function ChildFields({
  values,
  errors: e,
  idPrefix,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const bind = fieldBinder(idPrefix, values, e);
  const labelHint = "So you can tell your children apart. Please don't use their full name.";
  return (
    <>
      {/* No maxLength: a longer name is refused with a message, never cut short without a word. */}
      <TextField
        {...bind("label")}
        label="A nickname or initial (optional)"
        hint={labelHint}
        autoComplete="off"
      />
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
          <SelectField {...bind("ageGroup")} label="Age group" empty="Choose…" choices={AGE_CHOICES} />
        </div>
        <div className="age-by-birth">
          <p className="m-0 mt-2 text-sm text-ink-muted dark:text-night-muted">
            With a birth month and year, their age group moves on by itself as they grow.
          </p>
          <div className="flex flex-wrap gap-4">
            <SelectField {...bind("birthMonth")} label="Birth month" empty="Month…" choices={MONTH_CHOICES} />
            <TextField
              {...bind("birthYear")}
              label="Birth year"
              inputMode="numeric"
              maxLength={4}
              className={`${inputClass} w-28`}
            />
          </div>
        </div>
      </fieldset>
    </>
  );
}
