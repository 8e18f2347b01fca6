// `npm start`: everything the app needs, by itself. Starts the embedded PostgreSQL when
// DATABASE_URL is not set, applies migrations, builds when the build is missing or stale, and
// serves on PORT through scripts/server.mjs, on loopback only while mail goes to the outbox.
// Ctrl-C (or SIGTERM) stops the server and then PostgreSQL, cleanly. `npm run dev` (--dev) does
// the same with Next.js's development server and no build.
import os from "node:os";
import path from "node:path";
import { outboxUrl } from "../lib/email/outbox";
import { startWorker } from "../lib/reminders/worker";
import { buildIsCurrent, recordBuild, sourceHash } from "./build-stamp";
import { runCluster, type Running } from "./cluster";
import { exitOnEnvError, resolveRuntimeEnv, runBin, runScript } from "./runtime-env";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const runtime = await resolveRuntimeEnv({ production: !dev }).catch(exitOnEnvError);
const { vars, env, embedded } = runtime;

let stopping = false;
let current: Running | null = null;
let worker: Awaited<ReturnType<typeof startWorker>> | null = null;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  current?.kill("SIGTERM");
  await current?.done.catch(() => {});
  await worker?.stop().catch((error: unknown) => console.error(error));
  if (embedded?.startedHere) {
    console.log("Stopping the embedded PostgreSQL…");
    await embedded.stop();
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}

async function step(description: string, pkg: string, bin: string, args: string[]): Promise<void> {
  console.log(`\n▸ ${description}`);
  current = runBin(pkg, bin, args, vars);
  const code = await current.done;
  current = null;
  if (stopping) return;
  if (code !== 0) {
    console.error(`\n✖ ${description} failed (exit code ${code}).`);
    await shutdown(code);
  }
}

console.log(
  embedded
    ? `Using the embedded PostgreSQL on port ${embedded.port} (data in ${env.DATA_DIR}/postgres${embedded.startedHere ? "" : ", already running"}).`
    : "Using the PostgreSQL at DATABASE_URL.",
);
await step("Applying database migrations", "prisma", "prisma", ["migrate", "deploy"]);

if (!dev) {
  // APP_URL is baked into canonical URLs and the sitemap, so a new one needs a new build.
  // So is the benchmark's bare page (app/bare), built only when TALK_OFTEN_BENCH_PAGES=1.
  const settings = `${env.APP_URL}\0${process.env.TALK_OFTEN_BENCH_PAGES === "1" ? "bench" : ""}`;
  const hash = await sourceHash(root, settings);
  if (await buildIsCurrent(root, settings)) {
    console.log("\n▸ The production build is current.");
  } else {
    await step("Building for production (first start or sources changed)", "next", "next", ["build"]);
    await recordBuild(root, hash);
  }
}

// The reminder worker runs in this process, beside the web server (set WORKER=off to run it elsewhere).
if (process.env.WORKER !== "off") {
  Object.assign(process.env, vars);
  worker = await startWorker(env);
  console.log("\n▸ Reminder worker running: every minute it sends the check-ins that are due.");
}

// In production, one server process per core (WEB_PROCESSES), sharing the port: one Node.js process
// runs JavaScript on one core only. Development is one process.
const processes = dev ? 1 : (env.WEB_PROCESSES ?? os.availableParallelism());
// Without SMTP_URL, sign-in links sit in the outbox: nothing but this machine may reach the server.
const hosts = env.HOST ? [env.HOST] : env.SMTP_URL ? [] : ["127.0.0.1", "::1"];
const where = hosts.length === 0 ? "every network interface" : hosts.join(" and ");
console.log(
  `\n▸ Serving ${env.APP_URL}${processes > 1 ? ` from ${processes} processes` : ""}, listening on ${where}, port ${env.PORT}`,
);
if (!env.SMTP_URL) {
  console.log(
    `  No SMTP_URL: emails go to the outbox, readable from this machine only at ${outboxUrl(env)}.`,
  );
  if (!env.HOST) console.log("  Listening on loopback only, so that no other machine can read it.");
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
    ? runCluster({ exec: server, args: serverArgs, processes, env: vars })
    : runScript(server, serverArgs, vars);
const code = await current.done;
if (!stopping) await shutdown(code);
