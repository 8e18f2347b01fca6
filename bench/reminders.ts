// `npm run bench:reminders [-- --plans 10000]`: reminder delivery throughput and latency on this machine.
// Seeds N plans into a fresh embedded PostgreSQL, starts 1 and then 2 worker processes against a local
// SMTP sink, makes the plans due, dispatches them, and prints plans/s, p50/p95 from due to accepted,
// peak RSS per worker, duplicates and missing. Baseline: the same number of the same emails (rendered
// the same way) sent straight through the same nodemailer pool (lib/email/send-mail), with no database or queue,
// and the ratio. Then 1,000,000 plans with 100 due: the time to find and claim the due ones, with the
// query plan, and the whole dispatch of them.
// Prints figures; asserts nothing about time.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { runMigrations } from "graphile-worker";
import { createDb } from "../lib/server/db";
import { parseEnv } from "../lib/server/env";
import { closeMail, sendMail } from "../lib/email/send-mail";
import { reminderEmail } from "../lib/email/reminder-email";
import { chooseMonthlyPrompt } from "../lib/reminders/monthly-prompt";
import { dispatchDuePlans } from "../lib/reminders/dispatch";
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { runBin } from "../scripts/child-processes";
import { benchOptions } from "./options";

const { plans: N, big: BIG } = benchOptions({ plans: 10000, big: 1000000 });
// The second part claims the 100 due plans among --big: it needs at least that many.
if (N < 1 || BIG < 100) {
  console.error("--plans must be a whole number of at least 1, and --big a whole number of at least 100.");
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-bench-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({ dataDir });
const url = server.url();
await runBin("prisma", "prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }).done;
await runMigrations({ connectionString: url, logger: undefined });
const sql = new pg.Pool({ connectionString: url, max: 4 });
const db = createDb(url);

// An SMTP sink that records when each message was accepted, by Message-ID.
const accepted = new Map<string, number[]>();
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString("utf8");
    });
    stream.on("end", () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? "?";
      accepted.set(id, [...(accepted.get(id) ?? []), Date.now()]);
      callback();
    });
  },
});
sink.on("error", () => {});
const smtpPort = await freePort();
await new Promise<void>((resolve) => sink.listen(smtpPort, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;

async function seed(count: number, dueAt: Date, notDueAfter = 0) {
  await sql.query(`TRUNCATE "User", graphile_worker._private_jobs CASCADE`);
  await sql.query(
    `WITH u AS (
       INSERT INTO "User" (id, email, "updatedAt") SELECT 'u' || g, 'b' || g || '@example.org', now() FROM generate_series(1, $1) g RETURNING id
     ), c AS (
       INSERT INTO "Child" (id, "userId", "ageGroup", "updatedAt") SELECT 'c' || substr(id, 2), id, '8-10', now() FROM u RETURNING id
     )
     INSERT INTO "CheckInPlan" (id, "childId", "ruleKind", "dayOfMonth", "localTime", "timeZone", "nextDueAt", "updatedAt")
     SELECT 'p' || substr(id, 2), id, 'DAY_OF_MONTH', 1, '19:00', 'Europe/London',
            CASE WHEN substr(id, 2)::int <= $1 - $3 THEN $2::timestamptz ELSE $2::timestamptz + interval '20 days' END, now()
     FROM c`,
    [count, dueAt, notDueAfter],
  );
  await sql.query("ANALYZE");
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runWorkers(workers: number) {
  accepted.clear();
  await seed(N, new Date(Date.now() + 3_600_000)); // not due yet
  // Workers start first and wait, as they do in production; the clock starts at dispatch.
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--no-cron"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        SMTP_URL: smtpUrl,
        AUTH_SECRET: "b".repeat(40),
        APP_URL: "https://talkoften.test",
        WORKER_CONCURRENCY: "10",
      },
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          let out = "";
          child.stdout!.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes("Reminder worker running")) resolve();
          });
        }),
    ),
  );
  const due = new Date();
  await sql.query(`UPDATE "CheckInPlan" SET "nextDueAt" = $1`, [due]);
  const started = Date.now();
  await dispatchDuePlans(db);
  let peak = children.map(() => 0);
  while ((await db.delivery.count({ where: { status: "SENT" } })) < N && Date.now() - started < 30 * 60_000) {
    peak = children.map((child, i) => Math.max(peak[i]!, rssOf(child.pid!)));
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (Date.now() - started) / 1000;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((r) => c.once("exit", r))));
  const latencies = [...accepted.values()].map((times) => times[0]! - due.getTime()).sort((a, b) => a - b);
  const duplicates = [...accepted.values()].filter((t) => t.length > 1).length;
  const sent = await db.delivery.count({ where: { status: "SENT" } });
  return {
    workers,
    plansPerSecond: N / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    peakRssMb: peak.map((b) => Math.round(b / 1048576)),
    duplicates,
    missing: N - sent,
  };
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function baseline() {
  accepted.clear();
  // The same messages (rendered as the workers render them) through the same pool (lib/email/send-mail), with
  // no database and no queue: what is left is what PostgreSQL and graphile-worker cost.
  const env = parseEnv({
    SMTP_URL: smtpUrl,
    AUTH_SECRET: "b".repeat(40),
    APP_URL: "https://talkoften.test",
  });
  const child = { id: "c1", label: null, ageGroup: "8-10", birthYear: null, birthMonth: null };
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < N) {
        const i = next++;
        const message = reminderEmail({
          env: { ...env, AUTH_SECRET: env.AUTH_SECRET! },
          deliveryId: `base-${i}`,
          planId: `p${i}`,
          month: "2026-12",
          to: `b${i}@example.org`,
          child,
          prompt: chooseMonthlyPrompt({ ageGroup: "8-10", month: "2026-12", past: [], talks: [] }),
          now: new Date(),
        });
        await sendMail(message, env);
      }
    }),
  );
  closeMail();
  return N / ((Date.now() - started) / 1000);
}

async function findDue() {
  await seed(BIG, new Date(Date.now() - 1000), BIG - 100);
  const query = `SELECT id FROM "CheckInPlan" WHERE paused = false AND "nextDueAt" <= now() ORDER BY "nextDueAt" LIMIT 500 FOR UPDATE SKIP LOCKED`;
  const plan = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  // Find and claim (lock) the due rows, as dispatch does, timed on its own...
  const client = await sql.connect();
  const claimTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await client.query("BEGIN");
    const t = process.hrtime.bigint();
    const rows = await client.query(query);
    claimTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (rows.rowCount !== 100) throw new Error(`expected 100 due, found ${rows.rowCount}`);
    await client.query("ROLLBACK");
  }
  client.release();
  // ...and the whole dispatch, which also records, enqueues and advances each plan.
  const started = process.hrtime.bigint();
  const summary = await dispatchDuePlans(db);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    claimMs: claimTimes.sort((a, b) => a - b)[2]!,
    ms,
    summary,
    plan: plan.rows.map((r) => r["QUERY PLAN"]).join("\n"),
  };
}

try {
  console.log(`Reminder benchmark: ${N} due plans, ${os.cpus().length} cores, ${new Date().toISOString()}`);
  const one = await runWorkers(1);
  const two = await runWorkers(2);
  const base = await baseline();
  console.table(
    [one, two].map((r) => ({
      ...r,
      p50: `${r.p50} ms`,
      p95: `${r.p95} ms`,
      plansPerSecond: r.plansPerSecond.toFixed(0),
      ratioToBaseline: (r.plansPerSecond / base).toFixed(2),
    })),
  );
  console.log(
    `Baseline (same emails, same nodemailer pool, no database or queue): ${base.toFixed(0)} messages/s`,
  );
  const big = await findDue();
  console.log(`Find and claim the due 100 among ${BIG} plans: ${big.claimMs.toFixed(1)} ms (median of 5)`);
  console.log(`Whole dispatch of those 100 (record, enqueue, advance): ${big.ms.toFixed(0)} ms`, big.summary);
  console.log(big.plan);
} finally {
  await sql.end();
  await db.$disconnect();
  sink.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
