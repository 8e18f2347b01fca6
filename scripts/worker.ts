// `npm run worker`: the long-running reminder worker. SIGTERM or Ctrl-C finishes in-flight sends,
// then exits. Beside a running `npm start` it uses that same embedded database.
import { startWorker } from "../lib/reminders/worker";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const runtime = await resolveRuntimeEnv({ production: process.env.NODE_ENV === "production" }).catch(
  exitOnEnvError,
);
Object.assign(process.env, runtime.vars);
// --no-cron: only send what is queued (dispatch comes from elsewhere, e.g. tests or cron).
const worker = await startWorker(runtime.env, {
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
  dispatchEveryMinute: !process.argv.includes("--no-cron"),
});
console.log("Reminder worker running. Ctrl-C to stop.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("Finishing in-flight sends…");
    void worker
      .stop()
      .then(() => runtime.embedded?.stop())
      .then(() => process.exit(0));
  });
}
