// What the child and talk-log forms accept, checked on the server. Errors are for the parent to read.
// (A plan's form: lib/reminders/plan-schema.ts; the shared input pieces: lib/server/form-input.ts.)
import { z } from "zod";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { TOPICS } from "@/lib/guides/taxonomy";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

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

export const checkInSchema = z.object({
  topic: z.enum(
    TOPICS.map((t) => t.slug),
    { message: "Choose what you talked about." },
  ),
  note: optionalText(1000, "Keep the note to 1,000 characters or fewer."),
});
