// Resolves the environment a Talk Often process runs with: loads .env files, starts (or reuses)
// the embedded PostgreSQL when DATABASE_URL is not set, fills in a kept AUTH_SECRET where one may
// be generated, and validates the result. Shared by `npm start`, `npm run db` and the workers.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import type { Readable } from "node:stream";
import nextEnv from "@next/env";
import { EnvError, parseEnv, type Env } from "../lib/server/env";
import type { Running } from "./cluster";
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

const require = createRequire(import.meta.url);

/** The file of a package's command-line program (e.g. "next"'s "next"). */
export function binPath(pkg: string, bin: string): string {
  const packageJson = require.resolve(`${pkg}/package.json`);
  const binField = (require(packageJson) as { bin: string | Record<string, string> }).bin;
  const relative = typeof binField === "string" ? binField : binField[bin];
  if (!relative) throw new Error(`${pkg} has no program called ${bin}`);
  return path.join(path.dirname(packageJson), relative);
}

/** Where a child's output goes: inherited (the terminal), or line by line to a function. */
export type ChildOutput = ((line: string, stream: "stdout" | "stderr") => void) | undefined;

/** Runs a package's command-line program (e.g. "prisma", "next") and resolves with its exit code. */
export function runBin(
  pkg: string,
  bin: string,
  args: string[],
  vars: NodeJS.ProcessEnv,
  output?: ChildOutput,
): Running {
  return runScript(binPath(pkg, bin), args, vars, output);
}

/** Runs a JavaScript file with this Node.js and resolves with its exit code. */
export function runScript(
  file: string,
  args: string[],
  vars: NodeJS.ProcessEnv,
  output?: ChildOutput,
): Running {
  const child = spawn(process.execPath, [file, ...args], {
    env: vars,
    stdio: output ? ["inherit", "pipe", "pipe"] : "inherit",
  });
  if (output) forwardLines(child, output);
  const done = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { done, kill: (signal = "SIGTERM") => void child.kill(signal) };
}

/** Hands each line a child writes to `output`, naming the stream it came from. */
export function forwardLines(
  child: { stdout: Readable | null; stderr: Readable | null },
  output: NonNullable<ChildOutput>,
): void {
  for (const stream of ["stdout", "stderr"] as const) {
    const source = child[stream];
    if (!source) continue;
    readline.createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => {
      if (line.trim()) output(line, stream);
    });
  }
}
