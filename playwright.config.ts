// End-to-end tests: Debian's Chromium against a production build served by `npm start` on a
// free port, with its own embedded database and outbox in a temporary DATA_DIR.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Worker processes load this file again; the environment carries the first choice to them.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "talkoften-e2e-"));
  chmodSync(process.env.E2E_DATA_DIR, 0o755); // PostgreSQL runs as another user when we are root
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // This machine's network is closed: keep Chromium from reaching out at start-up.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npm start",
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    // Stopped as an operator would (SIGTERM): the worker, the web processes, then PostgreSQL, which runs in
    // a session of its own and would outlive a SIGKILL of the process group (Playwright's default).
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      APP_URL: baseURL,
      DATABASE_URL: "",
      SMTP_URL: "",
      // The tests play the proxy in front: each context's X-Forwarded-For is the client's address
      // (one hop trusted), so that the per-client sign-in limit sees many clients, not one.
      TRUSTED_PROXIES: "1",
      // The operator's endpoints, on (tests/e2e/operations.spec.ts).
      METRICS_TOKEN: "e2e-metrics-token-0123456789abcdef",
      MAIL_EVENTS_TOKEN: "e2e-mail-events-token-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
      // Readable lines in the test output (the server's output is a pipe, which would mean JSON).
      LOG_FORMAT: "text",
    },
  },
});
