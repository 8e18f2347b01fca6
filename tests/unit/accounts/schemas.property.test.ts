// Random input thrown at every zod schema at a boundary: each answers with a result (data that
// keeps the schema's promises, or messages that name a field), and never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFrontMatter } from "@/lib/guides/front-matter";
import { EnvError, parseEnv } from "@/lib/server/env";
import { verifyLink } from "@/lib/server/signed-links";
import { isValidTimeZone } from "@/lib/reminders/recurrence";
import { checkInSchema, childSchema } from "@/lib/accounts/validations";
import { planSchema } from "@/lib/reminders/plan-schema";
import { emailSchema, fieldErrorsOf } from "@/lib/server/form-input";

const RUNS = { numRuns: 400 };

/** Strings as forms send them: often plausible, sometimes odd, sometimes huge. */
const formString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "on", "0", "-1", "1", "12", "28", "29", "31", "NaN", "1e3", "19:30", "24:00"),
  fc.constantFrom("group", "birth", "DAY_OF_MONTH", "LAST_DAY", "NTH_WEEKDAY", "8-10", "4-7", "2015"),
  fc.constantFrom("Europe/London", "Australia/Sydney", "Mars/Olympus", "../../etc/passwd", "<script>"),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);

/** A form's fields: the schema's own keys with random values, and random extra keys. */
function formValues(keys: string[]) {
  return fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((key) => [key, formString])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), formString, { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }) as Record<string, string>);
}

/** Anything at all, as JSON or a YAML parser could produce it. */
const anything = fc.anything({ maxDepth: 3, withDate: true, withNullPrototype: true });

function expectFieldMessages(error: Parameters<typeof fieldErrorsOf>[0], fields: string[]) {
  const errors = fieldErrorsOf(error);
  expect(Object.keys(errors).length).toBeGreaterThan(0);
  for (const [field, message] of Object.entries(errors)) {
    expect([...fields, "form"]).toContain(field);
    expect(message.length).toBeGreaterThan(5);
  }
}

describe("account form schemas never throw, and keep their promises", () => {
  it("child", () => {
    const fields = ["label", "ageBy", "ageGroup", "birthMonth", "birthYear"];
    fc.assert(
      fc.property(fc.oneof(formValues(fields), anything), (values) => {
        const result = childSchema.safeParse(values);
        if (!result.success) return expectFieldMessages(result.error, fields);
        const child = result.data;
        expect(child.label === null || (child.label.length > 0 && child.label.length <= 24)).toBe(true);
        expect(child.ageGroup !== null || (child.birthMonth !== null && child.birthYear !== null)).toBe(true);
      }),
      RUNS,
    );
  });

  it("plan", () => {
    const fields = ["ruleKind", "dayOfMonth", "nth", "weekday", "localTime", "timeZone", "email", "calendar"];
    fc.assert(
      fc.property(fc.oneof(formValues(fields), anything), (values) => {
        const result = planSchema.safeParse(values);
        if (!result.success) return expectFieldMessages(result.error, [...fields, "channels"]);
        const plan = result.data;
        expect(plan.emailEnabled || plan.calendarEnabled).toBe(true);
        expect(isValidTimeZone(plan.timeZone)).toBe(true);
        expect(plan.localTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        if (plan.ruleKind === "DAY_OF_MONTH") expect(plan.dayOfMonth).toBeGreaterThanOrEqual(1);
        if (plan.ruleKind === "DAY_OF_MONTH") expect(plan.dayOfMonth).toBeLessThanOrEqual(28);
        if (plan.ruleKind === "NTH_WEEKDAY") expect([1, 2, 3, 4, -1]).toContain(plan.nth);
      }),
      RUNS,
    );
  });

  it("check-in", () => {
    fc.assert(
      fc.property(fc.oneof(formValues(["topic", "note"]), anything), (values) => {
        const result = checkInSchema.safeParse(values);
        if (!result.success) return expectFieldMessages(result.error, ["topic", "note"]);
        expect(result.data.note === null || result.data.note.length <= 1000).toBe(true);
      }),
      RUNS,
    );
  });

  it("email address", () => {
    const address = fc.oneof(fc.emailAddress(), formString, anything);
    fc.assert(
      fc.property(address, (value) => {
        const result = emailSchema.safeParse(value);
        if (!result.success) {
          expect(result.error.issues[0]!.message).toMatch(/email/i);
          return;
        }
        expect(result.data).toBe(result.data.trim().toLowerCase());
        expect(result.data.length).toBeLessThanOrEqual(254);
        expect(result.data).toContain("@");
      }),
      RUNS,
    );
  });
});

describe("other boundaries never throw anything but their own error", () => {
  it("guide front matter: valid data, or one message per problem naming a field", () => {
    fc.assert(
      fc.property(anything, (data) => {
        const result = checkFrontMatter(data);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem).toMatch(/\S/);
        }
      }),
      RUNS,
    );
  });

  it("environment variables: settings, or an EnvError naming each variable without echoing its value", () => {
    const names = [
      "NODE_ENV",
      "PORT",
      "DATABASE_URL",
      "AUTH_SECRET",
      "APP_URL",
      "SMTP_URL",
      "CRON_SECRET",
      "MAIL_FROM",
    ];
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(names.map((name) => [name, formString])), { requiredKeys: [] }),
        (source) => {
          try {
            parseEnv(source);
          } catch (error) {
            expect(error).toBeInstanceOf(EnvError);
            for (const problem of (error as EnvError).problems) {
              expect(names.some((name) => problem.startsWith(`${name}:`))).toBe(true);
            }
            const secret = source.AUTH_SECRET;
            if (secret && secret.trim().length >= 8) expect((error as Error).message).not.toContain(secret);
          }
        },
      ),
      RUNS,
    );
  });

  it("signed-link tokens: random tokens are refused, not thrown on", () => {
    fc.assert(
      fc.property(fc.oneof(formString, fc.base64String(), fc.string({ unit: "binary" })), (token) => {
        expect(verifyLink("k".repeat(40), token, "pause")).toBeNull();
      }),
      RUNS,
    );
  });
});
