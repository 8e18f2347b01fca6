// Scale out on the engines we already use: two app servers (each a web process and a reminder worker)
// on one PostgreSQL, behind nginx (deploy/nginx) with both in its upstream. A parent's requests
// alternate between them; 500 plans fall due and are sent once; one app server is lost mid-run and
// the other's worker takes over its jobs after the lock timeout (REMINDER_LOCK_TIMEOUT_SECONDS).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dispatchDuePlans } from "@/lib/reminders/dispatch";
import { createDb } from "@/lib/server/db";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { startAppServer, startFrontProxy } from "../helpers/front-proxy";
import { seedManyDuePlans } from "../helpers/reminders";
import { startSmtpServer } from "../helpers/smtp";
import { expect, test } from "./fixtures";

const dataDir = process.env.E2E_DATA_DIR!;
const LOCK_TIMEOUT_SECONDS = 10;

test("two app servers on one PostgreSQL behind nginx: requests alternate, 500 reminders go out once each, losing one server loses nothing", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // One PostgreSQL (the e2e server's), a database of this test's own, migrated as a deploy does.
  const server = await startEmbeddedPostgres({ dataDir });
  const name = `scale_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = server.url(name);
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  const db = createDb(databaseUrl);
  const smtp = await startSmtpServer();

  const ports = [await freePort(), await freePort()];
  const proxy = await startFrontProxy({ appPorts: ports });
  // What every app server shares (README, "Deploying"): AUTH_SECRET, DATABASE_URL, APP_URL.
  const shared = {
    APP_URL: proxy.httpsOrigin,
    AUTH_URL: `${proxy.httpsOrigin}/api/auth`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    TRUSTED_PROXIES: "1",
    REMINDER_LOCK_TIMEOUT_SECONDS: String(LOCK_TIMEOUT_SECONDS),
    DATA_DIR: dataDir,
  };
  const apps = await Promise.all(ports.map((port) => startAppServer({ port, env: shared })));
  const workers: ChildProcess[] = [0, 1].map(() =>
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, ...shared, NODE_ENV: "production", WORKER_CONCURRENCY: "5", LOG_FORMAT: "json" },
      stdio: "ignore",
    }),
  );
  try {
    // A parent through the proxy: sign in, add a child, save a plan.
    const email = `scale-${randomBytes(3).toString("hex")}@example.org`;
    const context = await browser.newContext({ baseURL: proxy.httpsOrigin, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Your email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    // The first request each just-started server answers, with two workers starting beside them on two
    // cores: a clean-clone run once took 5.4 s for this one (the sign-in email through SMTP included).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email", { timeout: 20_000 });
    const [signIn] = await smtp.waitFor(1);
    const link = /https:\/\/\S+\/api\/auth\/callback\/email\S*/.exec(signIn!.text ?? "")![0];
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${proxy.httpsOrigin}/account`);
    const form = page.getByRole("region", { name: "Add a child" });
    await form.getByLabel("A nickname or initial (optional)").fill("S");
    await form.getByLabel("Age group", { exact: true }).selectOption("11-13");
    await form.getByRole("button", { name: "Add child" }).click();
    const child = page.getByRole("region", { name: "S", exact: true });
    await child.getByRole("button", { name: "Save check-in plan" }).click();
    await expect(child.getByTestId("next-check-in")).toBeVisible();
    await context.close();
    // nginx handed the parent's requests to both servers in turn.
    const served = readFileSync(path.join(proxy.prefix, "logs/upstream.log"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(" ").at(-1));
    const counts = ports.map((port) => served.filter((address) => address === `127.0.0.1:${port}`).length);
    console.info(`requests per app server: ${counts.join(" and ")}`);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    expect(await db.checkInPlan.count({ where: { child: { user: { email } } } })).toBe(1);

    // 500 plans fall due; the workers share the jobs. Mid-run, the first app server is lost (killed).
    await seedManyDuePlans(db, 500, new Date(Date.now() - 60_000), "s");
    smtp.messages.length = 0;
    smtp.slowDown(20);
    await dispatchDuePlans(db);
    await smtp.waitFor(100);
    workers[0]!.kill("SIGKILL");
    await apps[0]!.stop();
    const inFlight = await db.delivery.count({ where: { status: "SENDING" } });
    const lostAt = Date.now();
    // The other worker sends the rest, and, once the lost one's jobs have been locked longer than the
    // lock timeout, its every-minute task frees them and sends those too.
    const deadline = Date.now() + 180_000;
    while ((await db.delivery.count({ where: { status: "SENT" } })) < 500 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    const recovered = Date.now() - lostAt;
    await new Promise((r) => setTimeout(r, 2000)); // any duplicate arrives
    const perAddress = new Map<string, number>();
    for (const message of smtp.messages) {
      const to = message.to && "text" in message.to ? message.to.text : "";
      perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    const duplicates = [...perAddress.values()].filter((n) => n > 1).length;
    console.info(
      `lost one app server after ${100}+ emails: ${inFlight} in flight there, all 500 sent ${Math.round(recovered / 1000)} s later, ${duplicates} duplicates`,
    );
    expect(await db.delivery.count({ where: { status: "SENT" } })).toBe(500);
    expect(perAddress.size).toBe(500); // nobody missed
    // Exactly once, except what the lost server had handed to the SMTP server and not yet recorded.
    expect(duplicates).toBeLessThanOrEqual(inFlight);
  } finally {
    // A process killed by a signal has no exit code, only a signal code.
    const running = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    for (const worker of running) worker.kill("SIGTERM");
    await Promise.all(running.map((w) => new Promise((r) => w.once("exit", r))));
    for (const app of apps) await app.stop();
    await proxy.stop();
    await smtp.close();
    await db.$disconnect();
  }
});
