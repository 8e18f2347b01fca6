// Resolves the environment a Talk Often process runs with: loads .env files, starts (or reuses)
// the embedded PostgreSQL when DATABASE_URL is not set, fills in a kept AUTH_SECRET where one may
// be generated, and validates the result. Shared by `npm start`, `npm run db` and the workers.
// (Running the child processes themselves: child-processes.ts.)
import nextEnv from "@next/env";
import { EnvError, parseEnv, type Env } from "../lib/server/env";
import { localSecret, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export type RuntimeEnv = {
  /** The environment to give child processes. */
  vars: NodeJS.ProcessEnv;
  env: Env;
  /** The embedded server, when this run uses one. */
  embedded: EmbeddedDatabase | null;
};

export async function resolveRuntimeEnv(options: { production: boolean }): Promise<RuntimeEnv> {
  nextEnv.loadEnvConfig(process.cwd(), !options.production, { info: () => {}, error: console.error });
  const vars: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: options.production ? "production" : "development",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Validate what the user gave before starting anything, so that a typo is reported first.
  const given = parseEnv(vars);

  let embedded: EmbeddedDatabase | null = null;
  if (!given.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: given.DATA_DIR });
    vars.DATABASE_URL = embedded.url();
    vars.TALK_OFTEN_EMBEDDED_DB = "1";
  }
  if (!given.AUTH_SECRET && (embedded || !options.production)) {
    vars.AUTH_SECRET = await localSecret(given.DATA_DIR, "auth-secret");
  }
  try {
    const env = parseEnv(vars);
    // Auth.js builds sign-in links from AUTH_URL; without it, from request headers.
    vars.AUTH_URL ??= `${env.APP_URL}/api/auth`;
    return { vars, env, embedded };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Prints an EnvError as a short list and exits; rethrows anything else. */
export function exitOnEnvError(error: unknown): never {
  if (error instanceof EnvError) {
    console.error(`\n${error.message}\n\nFix these in your environment or .env file, then try again.`);
    process.exit(1);
  }
  throw error;
}
