// What the account forms accept, checked on the server. Errors are for the parent to read.
import { z } from "zod";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { TOPICS } from "@/lib/guides/taxonomy";
import { isValidTimeZone } from "@/lib/reminders/recurrence";
import { calendarKnowsZone, canonicalTimeZone } from "@/lib/reminders/time-zones";
import { OTHER_TIME_ZONE } from "@/lib/reminders/common-time-zones";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** An id as this app makes them (cuid, or base64url): anything else cannot name a row. */
export const isRowId = (id: unknown): id is string => typeof id === "string" && /^[\w-]{1,64}$/.test(id);

const optionalText = (max: number, message: string) =>
  z
    .string()
    .optional()
    // Control characters (NUL, escapes…) are invisible and PostgreSQL refuses NUL: they are dropped.
    .transform((v) => (v ?? "").replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, message))
    .transform((v) => v || null);

export const childSchema = z
  .object({
    label: optionalText(
      24,
      "A nickname can be at most 24 characters: please shorten it. An initial or short nickname is best, not a full name.",
    ),
    ageBy: z.enum(["group", "birth"], { message: "Choose how you want to tell us their age." }),
    ageGroup: z.string().optional(),
    birthMonth: z.string().optional(),
    birthYear: z.string().optional(),
  })
  .transform((value, ctx) => {
    if (value.ageBy === "group") {
      const group = AGE_GROUPS.find((g) => g.slug === value.ageGroup);
      if (!group) {
        ctx.addIssue({ code: "custom", path: ["ageGroup"], message: "Choose an age group." });
        return z.NEVER;
      }
      return { label: value.label, ageGroup: group.slug, birthMonth: null, birthYear: null };
    }
    const month = Number(value.birthMonth);
    const year = Number(value.birthYear);
    let ok = true;
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      ctx.addIssue({ code: "custom", path: ["birthMonth"], message: "Choose the month they were born." });
      ok = false;
    }
    const thisYear = new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < thisYear - 18 || year > thisYear - 2) {
      ctx.addIssue({
        code: "custom",
        path: ["birthYear"],
        message: `Enter the year they were born, between ${thisYear - 18} and ${thisYear - 2}.`,
      });
      ok = false;
    }
    if (!ok) return z.NEVER;
    return { label: value.label, ageGroup: null, birthMonth: month, birthYear: year };
  });

/** The list's "Another time zone…" stands for the name typed beside it. */
const chosenTimeZone = (raw: unknown) =>
  raw && typeof raw === "object" && (raw as Record<string, unknown>).timeZone === OTHER_TIME_ZONE
    ? { ...raw, timeZone: (raw as Record<string, unknown>).timeZoneOther ?? "" }
    : raw;

export const planSchema = z.preprocess(
  chosenTimeZone,
  z
    .object({
      ruleKind: z.enum(["DAY_OF_MONTH", "LAST_DAY", "NTH_WEEKDAY"], { message: "Choose when in the month." }),
      dayOfMonth: z.string().optional(),
      nth: z.string().optional(),
      weekday: z.string().optional(),
      localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time such as 19:30."),
      // Stored in its IANA spelling ("europe/london" → "Europe/London"), so feeds find its VTIMEZONE.
      timeZone: z
        .string()
        .transform((name) => canonicalTimeZone(name.trim()))
        .refine(
          (zone) => zone !== null && isValidTimeZone(zone),
          "Choose a time zone from the list, such as Europe/London.",
        )
        .transform((zone) => zone!),
      email: z.string().optional(),
      calendar: z.string().optional(),
    })
    .transform((value, ctx) => {
      const emailEnabled = value.email === "on";
      const calendarEnabled = value.calendar === "on";
      if (!emailEnabled && !calendarEnabled) {
        ctx.addIssue({ code: "custom", path: ["channels"], message: "Choose email, calendar, or both." });
      }
      if (calendarEnabled && !calendarKnowsZone(value.timeZone)) {
        ctx.addIssue({
          code: "custom",
          path: ["timeZone"],
          message: `Calendar apps do not know ${value.timeZone} yet. Choose a nearby city with the same time, or email only.`,
        });
      }
      const plan = {
        ruleKind: value.ruleKind,
        dayOfMonth: null as number | null,
        nth: null as number | null,
        weekday: null as number | null,
        localTime: value.localTime,
        timeZone: value.timeZone,
        emailEnabled,
        calendarEnabled,
      };
      if (value.ruleKind === "DAY_OF_MONTH") {
        const day = Number(value.dayOfMonth);
        if (!Number.isInteger(day) || day < 1 || day > 28) {
          ctx.addIssue({
            code: "custom",
            path: ["dayOfMonth"],
            message: "Choose a day from 1 to 28, or the last day.",
          });
        } else plan.dayOfMonth = day;
      }
      if (value.ruleKind === "NTH_WEEKDAY") {
        const nth = Number(value.nth);
        const weekday = Number(value.weekday);
        if (![1, 2, 3, 4, -1].includes(nth))
          ctx.addIssue({
            code: "custom",
            path: ["nth"],
            message: "Choose first, second, third, fourth or last.",
          });
        else plan.nth = nth;
        if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
          ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose a day of the week." });
        else plan.weekday = weekday;
      }
      return plan;
    }),
);

export const checkInSchema = z.object({
  topic: z.enum(
    TOPICS.map((t) => t.slug),
    { message: "Choose what you talked about." },
  ),
  note: optionalText(1000, "Keep the note to 1,000 characters or fewer."),
});

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com.").max(254, "That email address is too long."));

/** Field errors in a shape forms can show next to each field. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A FormData's text fields as a plain object (files and repeated keys ignored). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
