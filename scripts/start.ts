// `npm start`: everything the app needs, by itself. Starts the embedded PostgreSQL when
// DATABASE_URL is not set, applies migrations, builds when the build is missing or stale, and
// serves on PORT through scripts/server.mjs, on loopback only while mail goes to the outbox.
// SIGTERM or Ctrl-C (SIGINT) stops it in order, within 30 seconds, exit code 0: the web processes
// stop taking requests and finish theirs, the worker finishes the emails in flight, then PostgreSQL
// stops. `npm run dev` (--dev) does the same with Next.js's development server and no build.
// Logs: lib/server/log.ts (JSON lines in production under a process manager, readable at a terminal);
// the lines of the programs it runs (Prisma, Next.js, the web processes) are logged the same way.
import os from "node:os";
import path from "node:path";
import { OUTBOX_KEY_FILE, outboxUrl } from "../lib/email/outbox";
import { localSecret } from "./embedded-postgres";
import { log, logFormat } from "../lib/server/log";
import { startWorker } from "../lib/reminders/worker";
import { buildIsCurrent, recordBuild, sourceHash } from "./build-stamp";
import { type ChildOutput, runBin, type Running, runScript } from "./child-processes";
import { runCluster } from "./cluster";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const dev = process.argv.includes("--dev");
// The log reads it (JSON lines in production); the processes started below get it from `vars`.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
const root = process.cwd();
const runtime = await resolveRuntimeEnv({ production: !dev }).catch(exitOnEnvError);
const { vars, env, embedded } = runtime;

let stopping = false;
let current: Running | null = null;
let worker: Awaited<ReturnType<typeof startWorker>> | null = null;

/** How long a stop may take before the process gives up waiting and exits 1. */
const STOP_DEADLINE_MS = 28_000;

async function shutdown(code: number, signal?: NodeJS.Signals): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  if (signal) log.info(`Stopping (${signal}): the web processes first, then the worker, then the database.`);
  setTimeout(() => {
    log.error(`Did not stop within ${STOP_DEADLINE_MS / 1000} seconds; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  current?.kill("SIGTERM");
  await current?.done.catch(() => {});
  await worker
    ?.stop()
    .catch((error: unknown) => log.error(`The worker did not stop cleanly: ${String(error)}`));
  if (embedded?.startedHere) {
    log.info("Stopping the embedded PostgreSQL…");
    await embedded.stop();
  }
  if (signal) log.info("Stopped.");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, signal));
}

// In JSON mode, what Prisma, Next.js and the web processes print becomes log lines too.
// A line that is already one of our JSON log lines (the app's own log) is passed on as it is.
const childOutput: ChildOutput =
  logFormat(vars) === "json"
    ? (line, stream) => {
        if (line.startsWith('{"level":')) process.stdout.write(`${line}\n`);
        else (stream === "stderr" ? log.warn : log.info)(line, { source: "app" });
      }
    : undefined;

async function step(description: string, pkg: string, bin: string, args: string[]): Promise<void> {
  log.info(`▸ ${description}`);
  current = runBin(pkg, bin, args, vars, childOutput);
  const code = await current.done;
  current = null;
  if (stopping) return;
  if (code !== 0) {
    log.error(`✖ ${description} failed (exit code ${code}).`);
    await shutdown(code);
  }
}

log.info(
  embedded
    ? `Using the embedded PostgreSQL on port ${embedded.port} (data in ${env.DATA_DIR}/postgres${embedded.startedHere ? "" : ", already running"}).`
    : "Using the PostgreSQL at DATABASE_URL.",
);
await step("Applying database migrations", "prisma", "prisma", ["migrate", "deploy"]);

if (!dev) {
  // APP_URL is baked into canonical URLs and the sitemap, so a new one needs a new build.
  // So is the benchmark's bare page (app/bare), built only when TALK_OFTEN_BENCH_PAGES=1.
  const settings = `${env.APP_URL}\0${env.TALK_OFTEN_BENCH_PAGES === "1" ? "bench" : ""}`;
  const hash = await sourceHash(root, settings);
  if (await buildIsCurrent(root, settings)) {
    log.info("▸ The production build is current.");
  } else {
    await step("Building for production (first start or sources changed)", "next", "next", ["build"]);
    await recordBuild(root, hash);
  }
}

// The reminder worker runs in this process, beside the web server (set WORKER=off to run it elsewhere).
if (env.WORKER !== "off") {
  Object.assign(process.env, vars);
  worker = await startWorker(env);
  log.info("▸ Reminder worker running: every minute it sends the check-ins that are due.");
}

// In production, one server process per core (WEB_PROCESSES), sharing the port: one Node.js process
// runs JavaScript on one core only. Development is one process.
const processes = dev ? 1 : (env.WEB_PROCESSES ?? os.availableParallelism());
// Without SMTP_URL, sign-in links sit in the outbox: nothing but this machine may reach the server.
const hosts = env.HOST ? [env.HOST] : env.SMTP_URL ? [] : ["127.0.0.1", "::1"];
const where = hosts.length === 0 ? "every network interface" : hosts.join(" and ");
log.info(
  `▸ Serving ${env.APP_URL}${processes > 1 ? ` from ${processes} processes` : ""}, listening on ${where}, port ${env.PORT}`,
);
if (!env.SMTP_URL) await announceOutbox();
/**
 * No SMTP_URL: say so loudly, since nobody receives any email. In production the outbox pages also
 * want a key: kept in DATA_DIR, and printed in full only to the terminal that started the app (the
 * log, which may be shipped elsewhere, names the file instead).
 */
async function announceOutbox(): Promise<void> {
  log.warn(
    "No SMTP_URL: mail is going nowhere. No email leaves this machine (sign-in links, check-ins, invitations); each is kept in the local outbox.",
  );
  if (dev) {
    log.info(`  Read it on this machine at ${outboxUrl(env)}.`);
  } else {
    const key = await localSecret(env.DATA_DIR, OUTBOX_KEY_FILE);
    const where = `${outboxUrl(env)}?key=<the key in ${path.join(env.DATA_DIR, OUTBOX_KEY_FILE)}>`;
    log.info(`  Read it on this machine at ${where}. Set SMTP_URL to send real email.`);
    if (process.stdout.isTTY && logFormat(vars) !== "json")
      process.stdout.write(`  Outbox: ${outboxUrl(env)}?key=${key}\n`);
  }
  if (!env.HOST) log.info("  Listening on loopback only, so that no other machine can read it.");
}

const serverArgs = [
  "--port",
  String(env.PORT),
  ...hosts.flatMap((host) => ["--host", host]),
  ...(dev ? ["--dev"] : []),
];
const server = path.join(root, "scripts", "server.mjs");
current =
  processes > 1
    ? runCluster({
        exec: server,
        args: serverArgs,
        processes,
        env: vars,
        log: (line) => log.warn(line),
        output: childOutput,
      })
    : runScript(server, serverArgs, vars, childOutput);
const code = await current.done;
if (!stopping) await shutdown(code);
