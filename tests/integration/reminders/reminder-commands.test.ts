// The ways to run reminders: the cron endpoint and `npm run reminders:dispatch -- --now`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { mailAndDatabaseSuite } from "../../helpers/integration-env";
import { seedDuePlans } from "../../helpers/reminders";

const execFileAsync = promisify(execFile);
const { database, smtp } = mailAndDatabaseSuite();
const CRON_SECRET = "c".repeat(32);

beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    AUTH_SECRET: "a".repeat(40),
    APP_URL: "https://talkoften.test",
    CRON_SECRET,
  });
});

describe("POST /api/cron/reminders", () => {
  it("refuses a request without the secret, and runs due work once with it", async () => {
    const { POST } = await import("@/app/api/cron/reminders/route");
    const url = "https://talkoften.test/api/cron/reminders";
    expect((await POST(new Request(url, { method: "POST" }))).status).toBe(401);
    expect(
      (await POST(new Request(url, { method: "POST", headers: { Authorization: "Bearer wrong" } }))).status,
    ).toBe(401);

    await seedDuePlans(database.db, 2, new Date(Date.now() - 60_000), "cron");
    const response = await POST(
      new Request(url, { method: "POST", headers: { Authorization: `Bearer ${CRON_SECRET}` } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ due: 2, enqueued: 2, sent: 2 });
    expect(smtp.messages).toHaveLength(2);
  });
});

describe("npm run reminders:dispatch -- --now", () => {
  // Not execFileSync: the SMTP server lives in this process and must keep answering.
  const run = async (now: string) => {
    const { stdout } = await execFileAsync(
      process.execPath,
      ["--import", "tsx", "scripts/dispatch.ts", "--now", now],
      {
        env: process.env,
        encoding: "utf8",
      },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!);
  };

  it("sends what is due at that instant, once, and prints a JSON summary", async () => {
    await database.db.user.deleteMany(); // plans from the test above would be due too
    await seedDuePlans(database.db, 1, new Date("2027-01-01T19:00:00Z"), "cli");
    const before = smtp.messages.length;
    expect(await run("2026-12-31T00:00:00Z")).toMatchObject({ due: 0, sent: 0 });
    expect(await run("2027-01-01T19:00:05Z")).toMatchObject({
      now: "2027-01-01T19:00:05.000Z",
      due: 1,
      sent: 1,
    });
    expect(await run("2027-01-01T19:00:06Z")).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.messages.length - before).toBe(1);
  });

  it("explains a bad --now", async () => {
    await expect(run("tomorrow")).rejects.toThrow(/--now must be an ISO instant/);
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("stops email for the plan on POST, changes nothing on GET, and refuses a forged link", async () => {
    const { signLink } = await import("@/lib/server/signed-links");
    const { GET, POST } = await import("@/app/api/unsubscribe/[token]/route");
    const [planId] = await seedDuePlans(database.db, 1, new Date("2027-03-01T19:00:00Z"), "unsub");
    const token = signLink(process.env.AUTH_SECRET!, "unsubscribe", planId!, { ttlMs: 60_000 });
    const url = `https://talkoften.test/api/unsubscribe/${token}`;
    const params = (t: string) => ({ params: Promise.resolve({ token: t }) });

    const get = await GET(new Request(url), params(token));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`https://talkoften.test/unsubscribe/${token}`);
    expect((await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } })).emailEnabled).toBe(
      true,
    );

    const forged = signLink("f".repeat(40), "unsubscribe", planId!, { ttlMs: 60_000 });
    expect((await POST(new Request(url, { method: "POST" }), params(forged))).status).toBe(400);
    const checkIn = signLink(process.env.AUTH_SECRET!, "checkin", planId!, { ttlMs: 60_000 });
    expect((await POST(new Request(url, { method: "POST" }), params(checkIn))).status).toBe(400);
    expect((await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } })).emailEnabled).toBe(
      true,
    );

    const post = await POST(
      new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params(token),
    );
    expect(post.status).toBe(200);
    expect((await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } })).emailEnabled).toBe(
      false,
    );
  });
});
