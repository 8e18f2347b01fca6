// What an operator's tools ask the production server: is it alive, is it ready (a process manager or
// an orchestrator), its metrics (Prometheus), and the mail provider's bounces and complaints.
import { expect, test } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { expectNoAxeViolations } from "./fixtures";
import { query, signInAs } from "./helpers";

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

const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
const MAIL_EVENTS_TOKEN = "e2e-mail-events-token-0123456789abcdef";

test("/api/metrics answers Prometheus' text format with the token only, never cached", async ({
  request,
}) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const wrong = await request.get("/api/metrics", {
    headers: { Authorization: "Bearer not-the-token-at-all-0000000" },
  });
  expect(wrong.status()).toBe(401);
  const metrics = await request.get("/api/metrics", {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(metrics.status()).toBe(200);
  expect(metrics.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(metrics.headers()["cache-control"]).toBe("no-store");
  const text = await metrics.text();
  for (const name of [
    "talkoften_reminder_attempts_total",
    "talkoften_reminder_deliveries_waiting",
    "talkoften_oldest_due_plan_seconds",
    "talkoften_signin_emails_total",
    "talkoften_worker_heartbeat_timestamp_seconds",
    "process_resident_memory_bytes",
  ])
    expect(text).toContain(`# TYPE ${name} `);
});

test("a complaint from the mail provider stops a parent's emails; the account page says so and only they turn them back on", async ({
  page,
  request,
}) => {
  const email = "complained@example.org";
  await signInAs(page, email);
  await expect(page.getByRole("heading", { name: "Your check-in emails have stopped" })).toHaveCount(0);

  const post = (data: string, headers: Record<string, string>) =>
    request.post("/api/mail-events", { data, headers });
  expect((await post(JSON.stringify({ type: "complaint", email }), {})).status()).toBe(401);
  // SNS can only send credentials as basic auth in the subscription's URL.
  const basic = `Basic ${Buffer.from(`sns:${MAIL_EVENTS_TOKEN}`).toString("base64")}`;
  const accepted = await post(JSON.stringify({ type: "complaint", email, at: "2026-12-01T19:05:00Z" }), {
    Authorization: basic,
    "Content-Type": "text/plain; charset=UTF-8",
  });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ ok: true, results: ["suppressed"] });
  const bad = await post(JSON.stringify({ type: "complaint" }), {
    Authorization: `Bearer ${MAIL_EVENTS_TOKEN}`,
  });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: expect.stringMatching(/^email: /) });
  const elsewhere = await post(
    JSON.stringify({
      Type: "SubscriptionConfirmation",
      TopicArn: "arn:aws:sns:eu-west-1:123456789012:t",
      SubscribeURL: "https://attacker.example/?Action=ConfirmSubscription",
    }),
    { Authorization: `Bearer ${MAIL_EVENTS_TOKEN}` },
  );
  expect(elsewhere.status()).toBe(400);

  await page.goto("/account");
  const notice = page.getByRole("region", { name: "Your check-in emails have stopped" });
  await expect(notice).toContainText(`one was marked as spam at ${email}`);
  await expect(notice).toContainText("Your calendar feeds still work.");
  await expectNoAxeViolations(page);
  await notice.getByRole("button", { name: "Send my check-in emails again" }).click();
  await expect(page.getByRole("heading", { name: "Your check-in emails have stopped" })).toHaveCount(0);
  const [row] = await query<{ mailSuppressedAt: Date | null }>(
    `SELECT "mailSuppressedAt" FROM "User" WHERE email = $1`,
    [email],
  );
  expect(row!.mailSuppressedAt).toBeNull();
});

test("after a bounce, a parent moves their account to another address: the link changes nothing until its button is pressed", async ({
  page,
  request,
}) => {
  const old = `bounced-${Date.now()}@example.org`;
  const next = `moved-${Date.now()}@example.org`;
  await signInAs(page, old, { checkAccessibility: false });
  const bounce = await request.post("/api/mail-events", {
    data: JSON.stringify({ type: "bounce", email: old, permanent: true }),
    headers: { Authorization: `Bearer ${MAIL_EVENTS_TOKEN}` },
  });
  expect(await bounce.json()).toEqual({ ok: true, results: ["suppressed"] });
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Your check-in emails have stopped" })).toContainText(
    `emails to ${old} came back`,
  );
  await page.getByLabel("New email address").fill(next);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We have emailed a link" })).toContainText(next);
  await expectNoAxeViolations(page);

  const message = (await listOutbox(process.env.E2E_DATA_DIR!)).find((m) => m.to === next)!;
  expect(message.subject).toBe("Confirm your new email address for Talk Often");
  await page.goto(message.links[0]!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Use ${next} for Talk Often?`);
  await expectNoAxeViolations(page);
  const before = await query<{ email: string }>(`SELECT email FROM "User" WHERE email = $1`, [old]);
  expect(before).toHaveLength(1); // opening the link changed nothing
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your email address is now ${next}`);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${next}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Your check-in emails have stopped" })).toHaveCount(0);
});
