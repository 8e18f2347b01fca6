// What a process manager or orchestrator asks the production server: is it alive, is it ready.
import { expect, test } from "@playwright/test";

test("/api/health answers without the database, /api/ready once PostgreSQL, migrations and the worker are", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ alive: true });
  expect(health.headers()["cache-control"]).toBe("no-store");

  // npm start runs the worker beside the server: it reports in as it starts.
  await expect
    .poll(async () => (await request.get("/api/ready")).status(), { timeout: 70_000, intervals: [1000] })
    .toBe(200);
  const ready = await request.get("/api/ready");
  expect(await ready.json()).toEqual({ ready: true, problems: [] });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(await ready.text()).not.toMatch(/version|postgres(ql)? \d|secret/i);
});
