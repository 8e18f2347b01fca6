// `npm run reminders:dispatch -- [--now <ISO instant>]`: dispatches and sends what is due, once, as
// if at that instant (default: now), and prints a JSON summary. For operators and tests.
import { parseArgs } from "node:util";
import { runRemindersOnce } from "../lib/reminders/worker";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const { values } = parseArgs({ options: { now: { type: "string" } } });
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be an ISO instant such as 2026-12-01T19:00:00Z (got "${values.now}")`);
  process.exit(2);
}
const runtime = await resolveRuntimeEnv({ production: process.env.NODE_ENV === "production" }).catch(
  exitOnEnvError,
);
Object.assign(process.env, runtime.vars);
const summary = await runRemindersOnce(runtime.env, now);
console.log(JSON.stringify({ now: now.toISOString(), ...summary }));
await runtime.embedded?.stop();
process.exit(0);
