// `npm start` on the embedded defaults: serves the home page (from two processes, then one), stops
// everything cleanly on Ctrl-C, and keeps the data for the next start.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-start-"));
chmodSync(dataDir, 0o755);
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) if (child.pid) process.kill(-child.pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function npmStart(port: number, processes: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    WEB_PROCESSES: String(processes),
  };
  for (const name of ["DATABASE_URL", "SMTP_URL", "AUTH_SECRET", "APP_URL", "NODE_ENV"]) delete env[name];
  // Its own process group, so that a signal reaches npm, Next.js and PostgreSQL as a terminal's Ctrl-C does.
  const child = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => output,
    async ready() {
      const deadline = Date.now() + 240_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        const status = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error(`npm start did not serve / in time:\n${output}`);
    },
    async interrupt() {
      process.kill(-child.pid!, "SIGINT");
      await exited;
      running.delete(child);
      // Nothing of it is left: no server process, no PostgreSQL.
      const deadline = Date.now() + 15_000;
      while (groupAlive(child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(groupAlive(child.pid!)).toBe(false);
    },
  };
}

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL removes its postmaster.pid as the last step of a clean shutdown. */
async function expectStoppedCleanly() {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const deadline = Date.now() + 15_000;
  while (existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(pidFile)).toBe(false);
}

async function query(sql: string) {
  const server = await startEmbeddedPostgres({ dataDir }); // finds the running one
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("npm start", () => {
  it(
    "serves / on the embedded defaults, stops cleanly on Ctrl-C and keeps the data",
    { timeout: 480_000 },
    async () => {
      const port = await freePort();
      const first = npmStart(port, 2);
      await first.ready();
      const home = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      expect(home).toContain("Talk Often");
      expect(first.output()).toContain("Applying database migrations");
      expect(first.output()).toContain("from 2 processes");
      await query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'kept@example.org', now())`);

      await first.interrupt();
      await expectStoppedCleanly();

      const second = npmStart(port, 1);
      await second.ready();
      expect(second.output()).toContain("The production build is current");
      expect(second.output()).not.toContain("processes");
      expect(await query(`SELECT email FROM "User"`)).toEqual([{ email: "kept@example.org" }]);
      await second.interrupt();
      await expectStoppedCleanly();
    },
  );
});
