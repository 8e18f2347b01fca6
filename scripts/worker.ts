// `npm run worker`: the long-running reminder worker. SIGTERM or Ctrl-C (SIGINT): it takes no new
// work, finishes the emails in flight (the rest of a batch goes back to the queue), stops the
// embedded PostgreSQL if it started it, and exits 0, within 30 seconds. Beside a running
// `npm start` it uses that same embedded database. Logs: lib/server/log.ts.
import { startWorker } from "../lib/reminders/worker";
import { log } from "../lib/server/log";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const runtime = await resolveRuntimeEnv({ production: process.env.NODE_ENV === "production" }).catch(
  exitOnEnvError,
);
Object.assign(process.env, runtime.vars);
// --no-cron: only send what is queued (dispatch comes from elsewhere, e.g. tests or cron).
const worker = await startWorker(runtime.env, {
  concurrency: runtime.env.WORKER_CONCURRENCY,
  dispatchEveryMinute: !process.argv.includes("--no-cron"),
});
log.info("Reminder worker running. Ctrl-C to stop.");

const STOP_DEADLINE_MS = 28_000;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`Stopping (${signal}): finishing the emails in flight…`);
    setTimeout(() => {
      log.error(`Did not stop within ${STOP_DEADLINE_MS / 1000} seconds; exiting anyway.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    void worker
      .stop()
      .then(() => runtime.embedded?.stop())
      .then(() => {
        log.info("Stopped.");
        process.exit(0);
      });
  });
}
