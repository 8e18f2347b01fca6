// The production server (`npm start`) for a benchmark: on `port`, built for that address if needed,
// with its own data folder (embedded PostgreSQL, outbox) and no reminder worker; `processes` sets
// WEB_PROCESSES (default: one per core, as `npm start`).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export async function startServer(port: number, options: { processes?: number } = {}) {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-bench-"));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
  const server = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: base,
      DATA_DIR: dataDir,
      WORKER: "off",
      TALK_OFTEN_BENCH_PAGES: "1", // builds /bare, the benchmark's floor (a 404 in other builds)
      ...(options.processes ? { WEB_PROCESSES: String(options.processes) } : {}),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    if (server.exitCode === null) await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10 * 60_000; // a first build takes a minute or two
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, dataDir, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(`the server did not start on ${base}`);
}
