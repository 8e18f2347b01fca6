// Running child processes for the scripts: a package's command-line program or a JavaScript file with
// this Node.js, their output inherited or handed over line by line.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import type { Readable } from "node:stream";

/** A child process: resolves with its exit code; `kill` signals it. */
export type Running = { done: Promise<number>; kill(signal?: NodeJS.Signals): void };

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
