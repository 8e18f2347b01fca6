// `npm start` on the embedded defaults: serves the home page (from two processes, then one), stops
// everything cleanly on Ctrl-C and on SIGTERM, and keeps the data for the next start.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../../../scripts/embedded-postgres";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-start-"));
chmodSync(dataDir, 0o755);
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) if (child.pid) process.kill(-child.pid, "SIGKILL");
  // PostgreSQL runs in a session of its own: stop it too if a failed test left it running.
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGQUIT");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function npmStart(port: number, processes: number, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    WEB_PROCESSES: String(processes),
  };
  for (const name of ["DATABASE_URL", "SMTP_URL", "AUTH_SECRET", "APP_URL", "NODE_ENV", "HOST"])
    delete env[name];
  Object.assign(env, extra);
  // Its own process group, so that a signal reaches npm, Next.js and PostgreSQL as a terminal's Ctrl-C does.
  const child = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => output,
    exited: exited.then((code) => {
      running.delete(child);
      return code;
    }),
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
    /**
     * Ctrl-C at a terminal (SIGINT to the whole process group), or a process manager's SIGTERM to
     * npm alone: either way exit code 0, within 30 seconds, and not a line at error level.
     */
    async interrupt(how: "Ctrl-C" | "SIGTERM") {
      const signalled = Date.now();
      if (how === "Ctrl-C") process.kill(-child.pid!, "SIGINT");
      else child.kill("SIGTERM");
      const code = await exited;
      running.delete(child);
      // On failure, the output says which step of the stop was slow or failed.
      expect(Date.now() - signalled, output).toBeLessThan(30_000);
      expect(code, output).toBe(0);
      // Under a pipe, in production: one JSON object per line, none at error level.
      const lines = output
        .trim()
        .split("\n")
        .filter((line) => line.startsWith("{"));
      expect(lines.length).toBeGreaterThan(5);
      const levels = lines.map((line) => (JSON.parse(line) as { level: string }).level);
      expect(levels, output).not.toContain("error");
      expect(output).not.toContain("terminating connection");
      expect(output).toContain("Stopped.");
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

/** The local addresses of the sockets listening on `port`, from the kernel's own tables. */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A: LISTEN
      const [address, hexPort] = local.split(":");
      if (parseInt(hexPort!, 16) !== port) continue;
      found.push(address!);
    }
  }
  return found;
}

const LOOPBACK_HEX = new Set(["0100007F", "00000000000000000000000001000000"]); // 127.0.0.1, ::1

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
      // No SMTP_URL: the outbox holds sign-in links, so only this machine may connect.
      expect(first.output()).toContain("Listening on loopback only");
      const listening = listeningAddresses(port);
      expect(listening.length).toBeGreaterThan(0);
      expect(listening.filter((address) => !LOOPBACK_HEX.has(address))).toEqual([]);
      await query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'kept@example.org', now())`);

      await first.interrupt("Ctrl-C");
      await expectStoppedCleanly();

      const second = npmStart(port, 1);
      await second.ready();
      expect(second.output()).toContain("The production build is current");
      expect(second.output()).not.toContain("processes");
      expect(await query(`SELECT email FROM "User"`)).toEqual([{ email: "kept@example.org" }]);
      await second.interrupt("SIGTERM");
      await expectStoppedCleanly();
    },
  );

  it("refuses to listen beyond this machine while mail goes to the outbox, naming HOST and SMTP_URL", async () => {
    const port = await freePort();
    const run = npmStart(port, 1, { HOST: "0.0.0.0" });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(
      /HOST: is 0\.0\.0\.0, which other machines can reach, but SMTP_URL is not set/,
    );
    expect(listeningAddresses(port)).toEqual([]);
  });
});
