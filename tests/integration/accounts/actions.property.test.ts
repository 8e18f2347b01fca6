// Random input thrown at every account action, against a real PostgreSQL: the answer is a result
// (saved, or field errors), never an exception, and a refused action writes nothing. Another
// parent's ids are "not found", whatever the input, and change nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addChildFor,
  recordCheckInFor,
  regenerateCalendarFor,
  removeChildFor,
  savePlanFor,
  setPausedFor,
  updateChildFor,
} from "@/lib/accounts/account-actions";
import { databaseSuite } from "../../helpers/integration-env";
import {
  accountFormRows,
  expectNothingWritten,
  makeChildWithPlan,
  makeParent,
} from "../../helpers/factories";

const database = databaseSuite();
let parent: { id: string };
let own: { id: string };
let foreign: { id: string };

beforeAll(async () => {
  parent = await makeParent(database.db);
  own = await makeChildWithPlan(database.db, parent.id);
  const other = await makeParent(database.db);
  foreign = await makeChildWithPlan(database.db, other.id);
});

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "",
    "on",
    "0",
    "1",
    "7",
    "28",
    "29",
    "-1",
    "12:00",
    "25:00",
    "Europe/London",
    "Nowhere/At_All",
  ),
  fc.constantFrom(
    "group",
    "birth",
    "8-10",
    "2016",
    "DAY_OF_MONTH",
    "NTH_WEEKDAY",
    "LAST_DAY",
    "live-streaming",
  ),
  fc.string({ minLength: 1001, maxLength: 1500 }),
  fc.constant("x\u0000y"),
);
const KEYS = [
  "label",
  "ageBy",
  "ageGroup",
  "birthMonth",
  "birthYear",
  "ruleKind",
  "dayOfMonth",
  "nth",
  "weekday",
  "localTime",
  "timeZone",
  "email",
  "calendar",
  "topic",
  "note",
];
const form = fc
  .tuple(
    fc.record(Object.fromEntries(KEYS.map((key) => [key, value])), { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 2 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }) as Record<string, string>);

const RUNS = { numRuns: 60 };

type FormAction = (values: Record<string, string>) => Promise<unknown>;
const actions: [string, FormAction][] = [
  ["add a child", (values) => addChildFor(database.db, parent.id, values)],
  ["edit a child", (values) => updateChildFor(database.db, parent.id, own.id, values)],
  ["save a plan", (values) => savePlanFor(database.db, parent.id, own.id, values)],
  ["log a talk", (values) => recordCheckInFor(database.db, parent.id, own.id, values)],
];

describe("account actions with random input", () => {
  it.each(actions)("%s: saved, or field errors and nothing written", async (_name, action) => {
    await fc.assert(
      fc.asyncProperty(form, async (values) => {
        const before = await accountFormRows(database.db);
        const outcome = (await action(values)) as { ok: boolean; errors: Record<string, string> };
        if (outcome.ok) return;
        expect(Object.keys(outcome.errors).length).toBeGreaterThan(0);
        expect(await accountFormRows(database.db)).toBe(before);
      }),
      RUNS,
    );
  });

  it("another parent's child: not found for every action, whatever the input, and nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(form, fc.boolean(), async (values, paused) => {
        await expectNothingWritten(database.db, async () => {
          expect(await updateChildFor(database.db, parent.id, foreign.id, values)).toBe("not-found");
          expect(await savePlanFor(database.db, parent.id, foreign.id, values)).toBe("not-found");
          expect(await recordCheckInFor(database.db, parent.id, foreign.id, values)).toBe("not-found");
          expect(await setPausedFor(database.db, parent.id, foreign.id, paused)).toBe("not-found");
          expect(await regenerateCalendarFor(database.db, parent.id, foreign.id)).toBe("not-found");
          expect(await removeChildFor(database.db, parent.id, foreign.id)).toBe("not-found");
        });
      }),
      { numRuns: 25 },
    );
  });

  it("ids that are not ids at all are not found either", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom("", "%", "' OR 1=1 --", "\u0000")),
        async (id) => {
          await expectNothingWritten(database.db, async () => {
            expect(
              await updateChildFor(database.db, parent.id, id, { ageBy: "group", ageGroup: "8-10" }),
            ).toBe("not-found");
            expect(await removeChildFor(database.db, parent.id, id)).toBe("not-found");
            expect(await setPausedFor(database.db, parent.id, id, true)).toBe("not-found");
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
