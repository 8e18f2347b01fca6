import pg from "pg";
import { describe, expect, it } from "vitest";
import { deleteUserData, exportUserData } from "@/lib/accounts/account-data";
import { SIGN_IN_PER_ADDRESS } from "@/lib/auth/sign-in-limits";
import { allow } from "@/lib/server/rate-limit";
import { databaseSuite } from "../../helpers/integration-env";
import { makeChildWithPlan, makeParent } from "../../helpers/factories";

const database = databaseSuite();

/** Every row of every table in the database, as text, to search for a user's traces. */
async function everyRow(): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    const rows: string[] = [];
    for (const { table_name } of tables.rows) {
      const result = await client.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      rows.push(...result.rows.map((r: { row: string }) => `${table_name}: ${r.row}`));
    }
    return rows;
  } finally {
    await client.end();
  }
}

async function seedFullAccount(email: string) {
  const user = await makeParent(database.db, email);
  const child = await makeChildWithPlan(database.db, user.id);
  await database.db.delivery.create({
    data: {
      planId: child.plan!.id,
      month: "2026-12",
      dueAt: new Date("2026-12-03T19:00:00Z"),
      status: "SENT",
      messageId: `<m-${email}>`,
      attempts: 1,
      history: { create: { number: 1, outcome: "SENT", messageId: `<m-${email}>` } },
    },
  });
  await database.db.session.create({
    data: { userId: user.id, sessionToken: `s-${email}`, expires: new Date(Date.now() + 86_400_000) },
  });
  await database.db.account.create({
    data: { userId: user.id, type: "email", provider: "email", providerAccountId: email },
  });
  await database.db.verificationToken.create({
    data: { identifier: email, token: `t-${email}`, expires: new Date(Date.now() + 86_400_000) },
  });
  await allow(database.db, SIGN_IN_PER_ADDRESS, email);
  return user;
}

describe("taking and deleting your data", () => {
  it("exports everything we hold about a parent, and nothing secret", async () => {
    const user = await seedFullAccount("export@example.org");
    const data = await exportUserData(database.db, user.id);
    expect(data.account.email).toBe("export@example.org");
    expect(data.children).toHaveLength(1);
    expect(data.children[0]).toMatchObject({
      label: "J",
      ageGroup: "8-10",
      plan: {
        localTime: "19:00",
        timeZone: "Europe/London",
        reminders: [
          { month: "2026-12", status: "SENT", attempts: [expect.objectContaining({ outcome: "SENT" })] },
        ],
      },
    });
    expect(data.children[0]!.checkIns).toEqual([
      expect.objectContaining({ topic: "live-streaming", note: "went well" }),
    ]);
    expect(JSON.stringify(data)).not.toContain("s-export@example.org");
  });

  it("deletes a parent in one step, leaving nothing of them in any table, and others untouched", async () => {
    const leaving = await seedFullAccount("leaving@example.org");
    const staying = await seedFullAccount("staying@example.org");
    const childIds = (await database.db.child.findMany({ where: { userId: leaving.id } })).map((c) => c.id);
    expect((await everyRow()).filter((row) => row.includes(leaving.id)).length).toBeGreaterThan(3);

    await deleteUserData(database.db, leaving.id);

    const rows = await everyRow();
    expect(await database.db.delivery.count({ where: { plan: { child: { userId: staying.id } } } })).toBe(1);
    for (const trace of [leaving.id, "leaving@example.org", ...childIds]) {
      expect(
        rows.filter((row) => row.includes(trace)),
        trace,
      ).toEqual([]);
    }
    expect(rows.filter((row) => row.includes(staying.id)).length).toBeGreaterThan(3);
    expect(await database.db.verificationToken.count({ where: { identifier: "staying@example.org" } })).toBe(
      1,
    );
  });
});

describe("sign-in rate limits", () => {
  it("allow three emails per address in fifteen minutes, then refuse until the next window", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    const results = [];
    for (let i = 0; i < 4; i += 1)
      results.push(await allow(database.db, SIGN_IN_PER_ADDRESS, "busy@example.org", now));
    expect(results).toEqual([true, true, true, false]);
    expect(await allow(database.db, SIGN_IN_PER_ADDRESS, "other@example.org", now)).toBe(true);
    expect(
      await allow(database.db, SIGN_IN_PER_ADDRESS, "busy@example.org", new Date("2026-11-29T10:15:00Z")),
    ).toBe(true);
  });

  it("count across many concurrent requests without losing any", async () => {
    const now = new Date("2026-11-29T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 10 }, () => allow(database.db, SIGN_IN_PER_ADDRESS, "race@example.org", now)),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it("forget windows older than a day as they count the next use", async () => {
    await allow(database.db, SIGN_IN_PER_ADDRESS, "old@example.org", new Date("2026-11-20T10:00:00Z"));
    const windows = () =>
      database.db.rateLimit.count({ where: { windowStart: { lt: new Date("2026-11-21T00:00:00Z") } } });
    expect(await windows()).toBe(1);
    await allow(database.db, SIGN_IN_PER_ADDRESS, "new@example.org", new Date("2026-11-21T10:15:00Z"));
    expect(await windows()).toBe(0);
  });

  it("store no email address", async () => {
    const rows = await database.db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("@");
  });
});
