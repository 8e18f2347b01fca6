import { describe, expect, it } from "vitest";
import {
  addChildFor,
  MAX_CHILDREN,
  recordCheckInFor,
  removeChildFor,
  savePlanFor,
  setPausedFor,
  updateChildFor,
  type Outcome,
} from "@/lib/accounts/account-actions";
import { databaseSuite } from "../../helpers/integration-env";
import { expectNothingWritten, makeChildWithPlan, makeParent, validPlan } from "../../helpers/factories";

const database = databaseSuite();

/**
 * `act` on a new parent's child with a plan: refused with an error on `field`, and nothing written.
 */
async function expectRefusedOnChild(
  field: string,
  act: (parentId: string, childId: string) => Promise<Outcome>,
): Promise<void> {
  const parent = await makeParent(database.db);
  const child = await makeChildWithPlan(database.db, parent.id);
  const result = await expectNothingWritten(database.db, () => act(parent.id, child.id));
  expect(result !== "not-found" && result.errors[field]).toBeTruthy();
}

describe("adding and editing a child", () => {
  it("stores an age group, or a birth month and year, and never more", async () => {
    const parent = await makeParent(database.db);
    expect(
      await addChildFor(database.db, parent.id, { label: " Sam ", ageBy: "group", ageGroup: "11-13" }),
    ).toMatchObject({ ok: true });
    expect(
      await addChildFor(database.db, parent.id, {
        ageBy: "birth",
        birthMonth: "6",
        birthYear: "2017",
        ageGroup: "4-7",
      }),
    ).toMatchObject({ ok: true });
    const children = await database.db.child.findMany({
      where: { userId: parent.id },
      orderBy: { createdAt: "asc" },
    });
    expect(children.map((c) => [c.label, c.ageGroup, c.birthMonth, c.birthYear])).toEqual([
      ["Sam", "11-13", null, null],
      [null, null, 6, 2017],
    ]);
  });

  it.each([
    [{ label: "x".repeat(25), ageBy: "group", ageGroup: "8-10" }, "label", /24 characters/],
    [{ ageBy: "group", ageGroup: "5-9" }, "ageGroup", /Choose an age group/],
    [{ ageBy: "group" }, "ageGroup", /Choose an age group/],
    [{ ageBy: "birth", birthMonth: "13", birthYear: "2017" }, "birthMonth", /month/],
    [{ ageBy: "birth", birthMonth: "3", birthYear: "1990" }, "birthYear", /between/],
    [{ ageBy: "birth", birthMonth: "3", birthYear: "twenty" }, "birthYear", /between/],
    [{ ageBy: "maybe" }, "ageBy", /how you want to tell us/],
  ])(
    "refuses %j with an error on %s, keeping what was typed and writing nothing",
    async (values, field, message) => {
      const parent = await makeParent(database.db);
      const result = await expectNothingWritten(database.db, () =>
        addChildFor(database.db, parent.id, values as Record<string, string>),
      );
      expect(result.ok).toBe(false);
      expect(result.errors[field]).toMatch(message);
      expect(result.values).toEqual(values);
    },
  );

  it("keeps to 12 children when 20 are added at once", async () => {
    const parent = await makeParent(database.db);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        addChildFor(database.db, parent.id, { label: `C${i}`, ageBy: "group", ageGroup: "8-10" }),
      ),
    );
    expect(await database.db.child.count({ where: { userId: parent.id } })).toBe(MAX_CHILDREN);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(MAX_CHILDREN);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.errors.form)).toEqual(
      Array(20 - MAX_CHILDREN).fill(`You can add up to ${MAX_CHILDREN} children.`),
    );
  });

  it("will not touch another parent's child", async () => {
    const owner = await makeParent(database.db);
    const other = await makeParent(database.db);
    const child = await makeChildWithPlan(database.db, owner.id);
    await expectNothingWritten(database.db, async () => {
      expect(await updateChildFor(database.db, other.id, child.id, { ageBy: "group", ageGroup: "4-7" })).toBe(
        "not-found",
      );
      expect(await savePlanFor(database.db, other.id, child.id, validPlan)).toBe("not-found");
      expect(await recordCheckInFor(database.db, other.id, child.id, { topic: "live-streaming" })).toBe(
        "not-found",
      );
      expect(await setPausedFor(database.db, other.id, child.id, true)).toBe("not-found");
      expect(await removeChildFor(database.db, other.id, child.id)).toBe("not-found");
    });
  });
});

describe("check-in plans", () => {
  it("store the next due moment in UTC, from the rule in the plan's own time zone", async () => {
    const parent = await makeParent(database.db);
    await addChildFor(database.db, parent.id, { ageBy: "group", ageGroup: "8-10" });
    const child = await database.db.child.findFirstOrThrow({ where: { userId: parent.id } });
    const result = await savePlanFor(
      database.db,
      parent.id,
      child.id,
      validPlan,
      new Date("2026-11-29T12:00:00Z"),
    );
    expect(result).toMatchObject({ ok: true });
    const plan = await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } });
    // First Sunday of December 2026 is the 6th; 19:30 in Sydney (AEDT, +11) is 08:30 UTC.
    expect(plan.nextDueAt.toISOString()).toBe("2026-12-06T08:30:00.000Z");
    expect(plan).toMatchObject({ emailEnabled: true, calendarEnabled: false, paused: false });
  });

  it.each([
    [{ ...validPlan, ruleKind: "EVERY_DAY" }, "ruleKind"],
    [{ ...validPlan, ruleKind: "DAY_OF_MONTH", dayOfMonth: "31" }, "dayOfMonth"],
    [{ ...validPlan, nth: "5" }, "nth"],
    [{ ...validPlan, weekday: "0" }, "weekday"],
    [{ ...validPlan, localTime: "25:00" }, "localTime"],
    [{ ...validPlan, timeZone: "Europe/Atlantis" }, "timeZone"],
    [{ ...validPlan, email: "" }, "channels"],
  ])("refuse %j with an error on %s and change nothing", (values, field) =>
    expectRefusedOnChild(field, (parentId, childId) => savePlanFor(database.db, parentId, childId, values)),
  );

  it("pause, and resume from now rather than sending a missed month late", async () => {
    const parent = await makeParent(database.db);
    const child = await makeChildWithPlan(database.db, parent.id);
    expect(await setPausedFor(database.db, parent.id, child.id, true)).toBe("ok");
    expect((await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } })).paused).toBe(
      true,
    );
    await setPausedFor(database.db, parent.id, child.id, false, new Date("2027-02-10T00:00:00Z"));
    const plan = await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } });
    expect(plan.paused).toBe(false);
    expect(plan.nextDueAt.toISOString()).toBe("2027-03-03T19:00:00.000Z");
  });
});

describe("a second child", () => {
  it("gets the first child's plan (rule, time, zone, email and calendar) with its own calendar address", async () => {
    const parent = await makeParent(database.db);
    const now = new Date("2026-11-29T12:00:00Z");
    await addChildFor(database.db, parent.id, { label: "M", ageBy: "group", ageGroup: "8-10" }, now);
    const first = await database.db.child.findFirstOrThrow({ where: { userId: parent.id } });
    await savePlanFor(database.db, parent.id, first.id, { ...validPlan, calendar: "on" }, now);
    const added = await addChildFor(
      database.db,
      parent.id,
      { label: "J", ageBy: "group", ageGroup: "14-17" },
      now,
    );
    expect(added).toMatchObject({ ok: true, childId: expect.any(String) });
    const [m, j] = await database.db.checkInPlan.findMany({
      where: { child: { userId: parent.id } },
      orderBy: { child: { createdAt: "asc" } },
    });
    expect(j!.childId).toBe(added.childId);
    const rule = (plan: typeof m) => [
      plan!.ruleKind,
      plan!.nth,
      plan!.weekday,
      plan!.localTime,
      plan!.timeZone,
      plan!.emailEnabled,
      plan!.calendarEnabled,
      plan!.nextDueAt.toISOString(),
    ];
    expect(rule(j)).toEqual(rule(m));
    expect(rule(j)).toEqual([
      "NTH_WEEKDAY",
      1,
      7,
      "19:30",
      "Australia/Sydney",
      true,
      true,
      "2026-12-06T08:30:00.000Z",
    ]);
    expect(j!.calendarToken).toEqual(expect.any(String));
    expect(j!.calendarToken).not.toBe(m!.calendarToken);
  });

  it("has no plan when the household has none yet", async () => {
    const parent = await makeParent(database.db);
    const added = await addChildFor(database.db, parent.id, { ageBy: "group", ageGroup: "8-10" });
    expect(await database.db.checkInPlan.count({ where: { childId: added.childId } })).toBe(0);
  });
});

describe("the talk log", () => {
  it("records a talk with its topic and a private note", async () => {
    const parent = await makeParent(database.db);
    const child = await makeChildWithPlan(database.db, parent.id);
    expect(
      await recordCheckInFor(database.db, parent.id, child.id, {
        topic: "fake-identities",
        note: "Talked in the car.",
      }),
    ).toMatchObject({ ok: true });
    const latest = await database.db.checkIn.findFirstOrThrow({
      where: { childId: child.id },
      orderBy: { talkedAt: "desc" },
    });
    expect(latest).toMatchObject({ topic: "fake-identities", note: "Talked in the car." });
  });

  it.each([
    [{ topic: "homework" }, "topic"],
    [{ topic: "live-streaming", note: "x".repeat(1001) }, "note"],
  ])("refuses %j with an error on %s and writes nothing", (values, field) =>
    expectRefusedOnChild(field, (parentId, childId) =>
      recordCheckInFor(database.db, parentId, childId, values),
    ),
  );
});
