// scripts/cluster.ts: several processes on one port, replaced when they crash, all stopped together.
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Running } from "@/scripts/child-processes";
import { runCluster } from "@/scripts/cluster";

const FIXTURE = path.resolve("tests/fixtures/pid-server.mjs");

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function pidAt(port: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      // A connection handed to a process as it dies is never answered: give up on it and retry. A new
      // connection each time, so that the primary hands each request to the next process in turn.
      return await new Promise<string>((resolve, reject) => {
        const request = http.get(
          { host: "127.0.0.1", port, path: "/", agent: false, timeout: 2000 },
          (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk));
            response.on("end", () => resolve(body));
          },
        );
        request.on("timeout", () => request.destroy(new Error("timed out")));
        request.on("error", reject);
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Asks one process to exit with code 3 (the request fails with it). One attempt on a connection of its
 * own: fetch retries a request whose reused connection closes unanswered, which would crash a second one.
 */
const crashOne = (port: number) =>
  new Promise<void>((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/crash", agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve());
    });
    request.on("error", () => resolve());
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let running: Running | null = null;
afterEach(async () => {
  running?.kill();
  await running?.done;
  running = null;
});

/** Runs the fixture server in `processes` processes on a free port; stopped after each test. */
async function startFixture(processes: number, env: Record<string, string> = {}) {
  const port = await freePort();
  const lines: string[] = [];
  running = runCluster({
    exec: FIXTURE,
    args: ["--port", String(port)],
    processes,
    env,
    log: (line) => lines.push(line),
  });
  return { port, lines, cluster: running };
}

describe("runCluster", () => {
  it("serves one port from several processes, and stops them all", async () => {
    const { port, cluster } = await startFixture(2);
    const pids = new Set<string>();
    for (let i = 0; i < 100 && pids.size < 2; i += 1) {
      pids.add(await pidAt(port));
      if (pids.size < 2) await new Promise((r) => setTimeout(r, 100)); // the second may still be starting
    }
    expect(pids.size).toBe(2);
    expect([...pids]).not.toContain(String(process.pid));

    cluster.kill();
    expect(await cluster.done).toBe(0);
    for (const pid of pids) expect(alive(Number(pid))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("replaces a process that crashes, and keeps serving", async () => {
    const { port, lines } = await startFixture(2);
    // Both processes serving first (on a loaded machine the second may start listening a little later).
    const before = new Set<string>();
    for (let i = 0; i < 100 && before.size < 2; i += 1) {
      before.add(await pidAt(port));
      if (before.size < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(before.size).toBe(2);
    await crashOne(port);
    const after = new Set<string>();
    for (let i = 0; i < 40 && after.size < 2; i += 1) {
      after.add(await pidAt(port));
      if (after.size < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(after.size).toBe(2);
    expect([...after].filter((pid) => !before.has(pid))).toHaveLength(1);
    expect(lines.join("\n")).toMatch(/exited \(exit code 3\); starting another/);
  });

  it("stops everything when a process dies before it is ready, with its exit code", async () => {
    const { lines, cluster } = await startFixture(2, { FAIL_EARLY: "1" });
    expect(await cluster.done).toBe(7);
    expect(lines[0]).toMatch(/exited before it was ready \(exit code 7\)/);
  });

  it("stops when processes keep crashing", async () => {
    const { port, lines, cluster } = await startFixture(1);
    for (let i = 0; i < 6; i += 1) {
      await pidAt(port); // a new process is serving
      await crashOne(port);
    }
    expect(await cluster.done).toBe(3);
    expect(lines.at(-1)).toMatch(/exited 6 times within a minute; stopping/);
  });
});
