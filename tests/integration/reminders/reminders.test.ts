// Reminder delivery against a real PostgreSQL (with graphile-worker's queue) and a real SMTP server.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import ICAL from "ical.js";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { applyEmailAction } from "@/lib/email/email-actions";
import { closeMail } from "@/lib/email/send-mail";
import { TOPICS } from "@/lib/guides/taxonomy";
import { dispatchDuePlans } from "@/lib/reminders/dispatch";
import { runRemindersOnce } from "@/lib/reminders/worker";
import { seedDuePlans, seedManyDuePlans } from "../../helpers/reminders";
import { emptyMailAndDatabase, mailAndDatabaseSuite } from "../../helpers/integration-env";

const { database, smtp, env } = mailAndDatabaseSuite({ AUTH_SECRET: "r".repeat(40) }, { queue: true });
beforeEach(async () => {
  await emptyMailAndDatabase({ database, smtp });
  smtp.slowDown(0);
});

/** The attempts of the only delivery: [number, outcome, error, messageId]. */
async function history() {
  const attempts = await database.db.deliveryAttempt.findMany({ orderBy: { number: "asc" } });
  return attempts.map((a) => [a.number, a.outcome, a.error, a.messageId]);
}

async function jobCount(): Promise<number> {
  const rows = await database.db.$queryRawUnsafe<{ jobs: number }[]>(
    "SELECT count(*)::int AS jobs FROM graphile_worker._private_jobs",
  );
  return rows[0]!.jobs;
}

/** Makes every queued job due now, skipping graphile-worker's back-off. */
async function makeJobsDueNow(): Promise<void> {
  await database.db.$executeRawUnsafe("UPDATE graphile_worker._private_jobs SET run_at = now()");
}

/** One plan due at 19:00 on 1 December, run ten seconds later with the SMTP server answering `code`. */
async function runOneRefusedWith(code: number) {
  await seedDuePlans(database.db, 1, new Date("2026-12-01T19:00:00Z"));
  smtp.refuseWith(code);
  return runRemindersOnce(env, new Date("2026-12-01T19:00:10Z"));
}

/** `npm run worker -- --no-cron` as a real process, against this file's database and SMTP server. */
function workerProcess(extraEnv: Record<string, string>, stdio: StdioOptions) {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--no-cron"], {
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      SMTP_URL: env.SMTP_URL,
      AUTH_SECRET: env.AUTH_SECRET,
      APP_URL: env.APP_URL,
      NODE_ENV: "test",
      ...extraEnv,
    },
    stdio,
  });
}

const recipients = () => smtp.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""));

/** `count` parents with a plan due a minute ago, dispatched: their emails wait in the queue for a worker. */
async function queueDueEmails(count: number, prefix: string): Promise<void> {
  await seedDuePlans(database.db, count, new Date(Date.now() - 60_000), prefix);
  await dispatchDuePlans(database.db);
}

/** How many emails the SMTP server took for each recipient. */
function emailsPerRecipient(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const to of recipients()) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/** Stops a worker process with `signal` and waits until it has exited. */
async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  worker.kill(signal);
  await new Promise((r) => worker.once("exit", r));
}

/** Waits, checking every `pollMs`, until `count` deliveries are SENT or `timeoutMs` has passed. */
async function waitForSent(count: number, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await database.db.delivery.count({ where: { status: "SENT" } })) < count && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, pollMs));
}

describe("monthly reminders", () => {
  it("send one email per due plan, with the month's topic, a starter and the links, and move each plan on", async () => {
    const now = new Date("2026-12-01T19:00:30Z");
    await seedDuePlans(database.db, 3, new Date("2026-12-01T19:00:00Z"));
    const summary = await runRemindersOnce(env, now);
    expect(summary).toMatchObject({ due: 3, enqueued: 3, sent: 3, failed: 0 });
    expect(recipients().sort()).toEqual(["p0@example.org", "p1@example.org", "p2@example.org"]);

    const mail = smtp.messages.find((m) => recipients()[smtp.messages.indexOf(m)] === "p1@example.org")!;
    expect(mail.subject).toBe("This month's talk with C1: healthy relationships");
    expect(mail.text).toContain("https://talkoften.test/guides/8-10/healthy-relationships");
    expect(mail.text).toMatch(/We talked: https:\/\/talkoften\.test\/checkin\/\S+/);
    expect(mail.html).toContain(">We talked</a>");
    for (const button of ["Skip this month", "Pause", "Manage"])
      expect(mail.html).toContain(`>${button}</a>`);
    const skip = /Skip this month: https:\/\/talkoften\.test\/reminders\/skip\/(\S+)/.exec(
      mail.text ?? "",
    )?.[1];
    const pause = /Pause these reminders: https:\/\/talkoften\.test\/reminders\/pause\/(\S+)/.exec(
      mail.text ?? "",
    )?.[1];
    expect(mail.text).toContain("Manage your reminders: https://talkoften.test/account");
    const header = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s*/g, "");
    expect(header("list-unsubscribe")).toMatch(
      /^List-Unsubscribe:\s*<https:\/\/talkoften\.test\/api\/unsubscribe\/\S+>$/,
    );
    expect(header("list-unsubscribe-post")).toMatch(/^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click$/);

    const deliveries = await database.db.delivery.findMany();
    expect(deliveries.every((d) => d.status === "SENT" && d.month === "2026-12" && d.attempts === 1)).toBe(
      true,
    );
    expect(deliveries.map((d) => d.messageId).sort()).toEqual(smtp.messages.map((m) => m.messageId).sort());
    const plans = await database.db.checkInPlan.findMany();
    expect(plans.every((p) => p.nextDueAt.toISOString() === "2027-01-01T19:00:00.000Z")).toBe(true);

    // The email's "Skip this month" names this delivery, and its "Pause" this plan.
    const options = { secret: env.AUTH_SECRET!, now };
    expect((await applyEmailAction(database.db, "skip", skip!, options)).ok).toBe(true);
    expect((await applyEmailAction(database.db, "pause", pause!, options)).ok).toBe(true);
    const p1 = await database.db.delivery.findFirstOrThrow({
      where: { plan: { child: { user: { email: "p1@example.org" } } } },
      include: { plan: true },
    });
    expect(p1.skippedAt).toEqual(now);
    expect(p1.plan.paused).toBe(true);
    expect(await database.db.delivery.count({ where: { skippedAt: { not: null } } })).toBe(1);

    // The same instant again sends nothing more.
    expect(await runRemindersOnce(env, now)).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.messages).toHaveLength(3);
  });

  it("enqueue each plan once for its month, even when two dispatchers run at once", async () => {
    const now = new Date("2026-12-01T19:01:00Z");
    await seedDuePlans(database.db, 40, new Date("2026-12-01T19:00:00Z"));
    const [a, b] = await Promise.all([
      dispatchDuePlans(database.db, now, 7),
      dispatchDuePlans(database.db, now, 7),
    ]);
    expect(a.enqueued + b.enqueued).toBe(40);
    const deliveries = await database.db.delivery.findMany({ select: { id: true } });
    expect(deliveries).toHaveLength(40);
    // Each delivery is in exactly one batch job.
    const jobs = await database.db.$queryRawUnsafe<{ task: string; payload: { deliveryIds: string[] } }[]>(
      `SELECT task.identifier AS task, job.payload FROM graphile_worker._private_jobs job
       JOIN graphile_worker._private_tasks task ON task.id = job.task_id`,
    );
    expect(jobs.every((job) => job.task === "deliver_reminders")).toBe(true);
    expect(jobs.flatMap((job) => job.payload.deliveryIds).sort()).toEqual(deliveries.map((d) => d.id).sort());
  });

  it("send a plan missed while workers were down once, and skip (and record) one more than 7 days late", async () => {
    const now = new Date("2026-12-10T12:00:00Z");
    const [recent] = await seedDuePlans(database.db, 1, new Date("2026-12-08T19:00:00Z"), "recent");
    const [stale] = await seedDuePlans(database.db, 1, new Date("2026-12-01T19:00:00Z"), "stale");
    const summary = await runRemindersOnce(env, now);
    expect(summary).toMatchObject({ due: 2, enqueued: 1, skippedLate: 1, sent: 1 });
    expect(recipients()).toEqual(["recent0@example.org"]);
    expect(await database.db.delivery.findFirst({ where: { planId: stale } })).toMatchObject({
      status: "SKIPPED",
      lastError: expect.stringMatching(/7 days late/),
    });
    const plans = await database.db.checkInPlan.findMany({ where: { id: { in: [recent!, stale!] } } });
    expect(plans.every((p) => p.nextDueAt > now)).toBe(true);
  });

  it("send nothing to paused, deleted or unsubscribed plans, even when already queued", async () => {
    const now = new Date("2026-12-01T19:05:00Z");
    const [paused, unsubscribed, deleted] = await seedDuePlans(
      database.db,
      3,
      new Date("2026-12-01T19:00:00Z"),
    );
    await dispatchDuePlans(database.db, now);
    await database.db.checkInPlan.update({ where: { id: paused }, data: { paused: true } });
    await database.db.checkInPlan.update({ where: { id: unsubscribed }, data: { emailEnabled: false } });
    const gone = await database.db.checkInPlan.findUniqueOrThrow({
      where: { id: deleted },
      include: { child: true },
    });
    await database.db.user.delete({ where: { id: gone.child.userId } });

    const summary = await runRemindersOnce(env, now);
    expect(summary).toMatchObject({ sent: 0, skipped: 2 });
    expect(smtp.messages).toHaveLength(0);
    expect(
      await database.db.delivery.findMany({
        orderBy: { lastError: "asc" },
        select: { status: true, lastError: true },
      }),
    ).toEqual([
      { status: "SKIPPED", lastError: "email turned off (unsubscribed)" },
      { status: "SKIPPED", lastError: "plan paused" },
    ]);
  });

  it("record a permanent failure (SMTP 5xx) and do not retry it", async () => {
    expect(await runOneRefusedWith(550)).toMatchObject({ sent: 0, failed: 1 });
    const delivery = await database.db.delivery.findFirstOrThrow();
    expect(delivery).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: expect.stringMatching(/^SMTP 550/),
    });
    expect(await history()).toEqual([[1, "FAILED", expect.stringMatching(/^SMTP 550/), null]]);
    expect(await jobCount()).toBe(0);
  });

  it("retry a transient failure (SMTP 4xx) with back-off, and deliver once the server recovers", async () => {
    expect(await runOneRefusedWith(451)).toMatchObject({ sent: 0, retrying: 1 });
    const retryJob = () =>
      database.db.$queryRawUnsafe<{ task: string; attempts: number; max_attempts: number; run_at: Date }[]>(
        "SELECT task_identifier AS task, attempts, max_attempts, run_at FROM graphile_worker.jobs",
      );
    // The batch job is done; the delivery has a retry job of its own, waiting a moment.
    let [job, ...others] = await retryJob();
    expect(others).toEqual([]);
    expect(job).toMatchObject({ task: "deliver_reminder", attempts: 0, max_attempts: 25 });
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());
    // Failing again, graphile-worker backs it off; the log says so in one line, not as an error.
    await makeJobsDueNow();
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:20Z"))).toMatchObject({ retrying: 1 });
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines).toEqual([
        expect.stringMatching(/^\[worker\] warn: will retry \(attempt 1 of 25\): delivery \S+: SMTP 451/),
      ]);
    } finally {
      logged.mockRestore();
    }
    [job, ...others] = await retryJob();
    expect(others).toEqual([]);
    expect(job).toMatchObject({ task: "deliver_reminder", attempts: 1, max_attempts: 25 });
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now()); // backing off
    smtp.refuseWith(null);
    await makeJobsDueNow(); // skip the wait
    expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:10Z"))).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    // Every attempt is kept, with its outcome; the last has the Message-ID the server accepted.
    expect(await history()).toEqual([
      [1, "RETRY", expect.stringMatching(/^SMTP 451/), null],
      [2, "RETRY", expect.stringMatching(/^SMTP 451/), null],
      [3, "SENT", null, smtp.messages[0]!.messageId],
    ]);
    expect(await database.db.delivery.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      attempts: 3,
      lastError: null,
    });
  });
});

describe("a mail server that is down for a while", () => {
  it("keeps retrying while connections are refused, then delivers every due email once", async () => {
    await seedDuePlans(database.db, 3, new Date("2026-12-01T19:00:00Z"), "down");
    closeMail(); // pooled connections would hold the test server open for its 30 s grace period
    await smtp.stopListening();
    try {
      expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:10Z"))).toMatchObject({
        sent: 0,
        retrying: 3,
      });
      const errors = await database.db.delivery.findMany({ select: { lastError: true, status: true } });
      expect(errors.every((d) => d.status === "QUEUED" && /ECONNREFUSED/.test(d.lastError ?? ""))).toBe(true);
      await makeJobsDueNow(); // skip the back-off
      expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:20Z"))).toMatchObject({
        sent: 0,
        retrying: 3,
      });
    } finally {
      closeMail(); // drop pooled connections to the stopped server
      await smtp.listen();
    }
    await makeJobsDueNow();
    expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:30Z"))).toMatchObject({
      sent: 3,
      retrying: 0,
    });
    expect(recipients().sort()).toEqual(["down0@example.org", "down1@example.org", "down2@example.org"]);
    expect(
      (await database.db.delivery.findMany()).every((d) => d.status === "SENT" && d.attempts === 3),
    ).toBe(true);
  });
});

describe("two worker processes at once", () => {
  it("send each of 1,000 due plans exactly one email", { timeout: 120_000 }, async () => {
    const due = 1000;
    await seedManyDuePlans(database.db, due, new Date(Date.now() - 60_000), "w");
    await dispatchDuePlans(database.db);
    let output = "";
    const workers = [0, 1].map(() => workerProcess({}, ["ignore", "pipe", "pipe"]));
    for (const worker of workers) {
      worker.stdout!.on("data", (chunk) => (output += chunk));
      worker.stderr!.on("data", (chunk) => (output += chunk));
    }
    try {
      await Promise.race([
        smtp.waitFor(due),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`workers did not deliver in time:\n${output}`)), 90_000),
        ),
      ]);
      // Give any duplicate a moment to arrive before counting.
      const settle = Date.now() + 2000;
      while (Date.now() < settle) await new Promise((r) => setTimeout(r, 200));
    } finally {
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    }
    const counts = emailsPerRecipient();
    expect(counts.size).toBe(due);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await database.db.delivery.count({ where: { status: "SENT" } })).toBe(due);
  });
});

describe("a worker killed mid-batch", () => {
  it(
    "loses nothing: after a restart every due email is delivered, and duplicates are only those in flight",
    { timeout: 120_000 },
    async () => {
      const due = 200;
      await queueDueEmails(due, "k");
      const spawnWorker = () => workerProcess({ WORKER_CONCURRENCY: "10" }, "ignore");
      const first = spawnWorker();
      await smtp.waitFor(40);
      await stopWorker(first, "SIGKILL");
      const inFlight = await database.db.delivery.count({ where: { status: "SENDING" } });

      // The dispatch task, every minute, frees jobs locked longer than a send can take (5 minutes);
      // here it is called at once with no wait instead.
      const { reclaimAbandonedJobs } = await import("@/lib/reminders/dispatch");
      await reclaimAbandonedJobs(database.db, 0);
      const second = spawnWorker();
      try {
        await waitForSent(due, 90_000, 250);
      } finally {
        await stopWorker(second);
      }
      expect(await database.db.delivery.count({ where: { status: "SENT" } })).toBe(due);
      const counts = emailsPerRecipient();
      expect(counts.size).toBe(due); // nobody missed
      const duplicates = [...counts.values()].filter((n) => n > 1).length;
      console.info(
        `killed mid-batch: ${inFlight} deliveries in flight at the kill, ${duplicates} duplicate emails`,
      );
      expect(duplicates).toBeLessThanOrEqual(inFlight);
    },
  );
});

describe.each(["SIGTERM", "SIGINT"] as const)("a worker stopped with %s mid-batch", (signal) => {
  it(
    "finishes the emails in flight, gives the rest back, logs JSON with no error and exits 0 within 30 seconds",
    { timeout: 120_000 },
    async () => {
      const due = 120;
      await queueDueEmails(due, "t");
      smtp.slowDown(100);
      // As in production under a process manager: JSON lines.
      const first = workerProcess({ NODE_ENV: "production", LOG_FORMAT: "json" }, ["ignore", "pipe", "pipe"]);
      let output = "";
      first.stdout!.on("data", (chunk) => (output += chunk));
      first.stderr!.on("data", (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => first.once("exit", (code) => resolve(code)));
      await smtp.waitFor(10);
      const signalled = Date.now();
      first.kill(signal);
      const code = await exited;
      const took = Date.now() - signalled;
      console.info(`${signal} mid-batch: stopped in ${took} ms with ${smtp.messages.length} of ${due} sent`);
      expect(code).toBe(0);
      expect(took).toBeLessThan(30_000);
      const lines = output.trim().split("\n");
      const entries = lines.map((line) => JSON.parse(line) as { level: string; message: string });
      expect(entries.filter((entry) => entry.level === "error")).toEqual([]);
      expect(entries.map((entry) => entry.message)).toContain("Stopped.");
      expect(output).not.toMatch(/@example\.org/);

      // Nothing half-done: every email the server accepted is recorded, the rest wait in the queue.
      expect(await database.db.delivery.count({ where: { status: "SENDING" } })).toBe(0);
      const sentBefore = await database.db.delivery.count({ where: { status: "SENT" } });
      expect(sentBefore).toBe(smtp.messages.length);
      expect(sentBefore).toBeLessThan(due); // it really was stopped mid-way
      expect(await database.db.delivery.count({ where: { status: "QUEUED", attempts: 0 } })).toBe(
        due - sentBefore,
      );

      smtp.slowDown(0);
      const second = workerProcess({}, "ignore");
      try {
        await smtp.waitFor(due);
        await waitForSent(due, 30_000, 200);
      } finally {
        await stopWorker(second);
      }
      const counts = emailsPerRecipient();
      expect(counts.size).toBe(due);
      expect([...counts.values()].every((n) => n === 1)).toBe(true); // nothing sent twice
      expect(await database.db.delivery.count({ where: { status: "SENT" } })).toBe(due);
    },
  );
});

describe("a year of monthly prompts", () => {
  it("walks through every topic, records each month's prompt, and the calendar shows the same one", async () => {
    const [planId] = await seedDuePlans(database.db, 1, new Date("2026-12-01T19:00:00Z"), "y");
    const subjects: string[] = [];
    const starters: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const plan = await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } });
      const summary = await runRemindersOnce(env, new Date(plan.nextDueAt.getTime() + 30_000));
      expect(summary.sent).toBe(1);
      const mail = smtp.messages.at(-1)!;
      subjects.push(mail.subject!.replace(/^This month's talk with C0: /, ""));
      starters.push(/A way to start:\n {2}"(.+)"/.exec(mail.text ?? "")![1]!);
    }
    // The topics in turn, then round again; never the same starter twice in the year.
    const year = Array.from({ length: 12 }, (_, i) => TOPICS[i % TOPICS.length]!);
    expect(subjects).toEqual(year.map((topic) => topic.title.toLowerCase()));
    expect(new Set(starters).size).toBe(12);
    const deliveries = await database.db.delivery.findMany({ where: { planId }, orderBy: { month: "asc" } });
    expect(deliveries.map((d) => d.starter)).toEqual(starters);
    expect(deliveries.map((d) => d.topic)).toEqual(year.map((topic) => topic.slug));

    // The calendar feed of the last month shows that month's recorded prompt.
    const { calendarFeedResponse } = await import("@/lib/reminders/calendar-feed");
    await database.db.checkInPlan.update({
      where: { id: planId },
      data: { calendarEnabled: true, calendarToken: "y".repeat(32) },
    });
    const last = deliveries.at(-1)!;
    vi.useFakeTimers({ now: new Date(`${last.month}-15T12:00:00Z`), toFake: ["Date"] });
    try {
      const ics = await (await calendarFeedResponse(`${"y".repeat(32)}.ics`, database.db)).text();
      const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
      expect(String(event.getFirstPropertyValue("description"))).toContain(
        `A way to start: "${last.starter}"`,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
