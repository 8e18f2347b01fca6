// `npm run db -- <prisma command>`: runs the Prisma CLI against DATABASE_URL, or against the
// embedded PostgreSQL when it is not set (starting it for the command if it is not running).
import { runBin } from "./child-processes";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("Usage: npm run db -- <prisma command>, for example: npm run db -- migrate status");
  process.exit(2);
}
const runtime = await resolveRuntimeEnv({ production: false }).catch(exitOnEnvError);
const code = await runBin("prisma", "prisma", args, runtime.vars).done;
await runtime.embedded?.stop();
process.exit(code);
