// What a plan's form accepts (when in the month, the time and zone, email or calendar), checked on the
// server. Errors are for the parent to read.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/reminders/recurrence";
import { calendarKnowsZone, canonicalTimeZone } from "@/lib/reminders/time-zones";
import { OTHER_TIME_ZONE } from "@/lib/reminders/common-time-zones";

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
