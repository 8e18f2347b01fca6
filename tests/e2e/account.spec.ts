import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { listOutbox } from "@/lib/email/outbox";
import { TOPICS } from "@/lib/guides/taxonomy";
import { signLink } from "@/lib/server/signed-links";
import { expect, test, expectNoAxeViolations } from "./fixtures";
import { addChild, query, signInAs } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;

const unique = () => `parent-${randomBytes(4).toString("hex")}@example.org`;

test.use({
  timezoneId: "Australia/Sydney",
  extraHTTPHeaders: { "X-Forwarded-For": `10.0.${Math.floor(Math.random() * 250)}.1` },
});

test("a new parent signs in, adds a child, plans check-ins, logs a talk, exports and deletes their data", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = unique();
  await signInAs(page, email);
  await expectNoAxeViolations(page);

  await addChild(page, "K", "8-10");
  await expect(page.getByRole("heading", { name: "K", level: 2, exact: true })).toBeVisible();

  const child = page.getByRole("region", { name: "K", exact: true });
  await expect(child.getByLabel("Time zone", { exact: true })).toHaveValue("Australia/Sydney"); // from the browser
  // The field's suggestions: every zone the runtime knows, fetched once.
  await expect.poll(() => page.locator("datalist#time-zones option").count()).toBeGreaterThan(300);
  await child.getByLabel("In my calendar").check();
  await child.getByRole("button", { name: "Save check-in plan" }).click();
  const feed = child.getByTestId("calendar-feed");
  await expect(feed.getByRole("link", { name: "subscribe in your calendar app" })).toHaveAttribute(
    "href",
    /^webcal:\/\/.*\/api\/calendar\/[\w-]+\.ics$/,
  );
  const ics = await page.request.get(
    (await feed.getByRole("link", { name: "download the calendar file" }).getAttribute("href"))!,
  );
  expect(await ics.text()).toContain("TZID:Australia/Sydney");
  await expect(child.getByTestId("next-check-in")).toContainText(/GMT\+11|AEDT/);
  await expect(child.getByTestId("next-check-in")).toContainText("19:00");
  await expectNoAxeViolations(page);

  await child.getByLabel("What did you talk about?").selectOption("live-streaming");
  await child.getByLabel("Note").fill("Talked about gifts in games.");
  await child.getByRole("button", { name: "We talked" }).click();
  await expect(child.getByText(/Live streaming \(“Talked about gifts in games.”\)/)).toBeVisible();
  await expect(child.getByTestId("topics-this-year")).toContainText(
    `1 of ${TOPICS.length} topics talked about in the last 12 months (live streaming). Next suggested: Healthy relationships.`,
  );

  await page.getByRole("link", { name: "Download or delete your data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data");
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download everything/ }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.account.email).toBe(email);
  expect(exported.children[0]).toMatchObject({ label: "K", ageGroup: "8-10" });
  expect(exported.children[0].checkIns[0]).toMatchObject({
    topic: "live-streaming",
    note: "Talked about gifts in games.",
  });

  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Tick the box to confirm")).toBeVisible();
  expect(await query('SELECT 1 FROM "User" WHERE email = $1', [email])).toHaveLength(1);
  await page.getByLabel(/I want to delete my account/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  expect(await query('SELECT 1 FROM "User" WHERE email = $1', [email])).toHaveLength(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a form with a mistake shows the error next to the field and keeps what was typed, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": "10.1.0.1" },
  });
  const page = await context.newPage();
  await signInAs(page, unique(), { checkAccessibility: false });
  let form = page.getByRole("region", { name: "Add a child" });
  await form.getByLabel("A nickname or initial (optional)").fill("Bo");
  await form.getByLabel("Give their birth month and year").check();
  await form.getByLabel("Birth month", { exact: true }).selectOption("3");
  await form.getByLabel("Birth year").fill("1990");
  await form.getByRole("button", { name: "Add child" }).click();
  form = page.getByRole("region", { name: "Add a child" });
  await expect(form.getByRole("alert")).toContainText(/Enter the year they were born, between/);
  await expect(form.getByRole("alert").getByRole("link", { name: /Enter the year/ })).toHaveAttribute(
    "href",
    /-birthYear$/,
  );
  await expect(form.getByLabel("Birth year")).toHaveValue("1990");
  await expect(form.getByLabel("Birth year")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("A nickname or initial (optional)")).toHaveValue("Bo");
  await expect(form.getByLabel("Birth month", { exact: true })).toHaveValue("3");
  await context.close();
});

test("asking for too many sign-in emails gives a clear message, the same for any address", async ({
  browser,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "10.2.0.1" } });
  const page = await context.newPage();
  const email = unique();
  for (let i = 0; i < 3; i += 1) {
    await page.goto("/signin");
    await page.getByLabel("Your email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/check-email/);
  }
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.locator("form [role=alert]")).toContainText(
    /already sent several emails to this address/,
  );
  await expect(page.locator("form [role=alert]")).toBeFocused();
  await expect(page.getByLabel("Your email address")).toHaveValue(email);
  await context.close();
});

test("a 'We talked' link opens a confirmation, and only its POST records the talk, once", async ({
  page,
}) => {
  await signInAs(page, unique());
  await addChild(page, "L", "11-13");
  await expect(page.getByRole("heading", { name: "L", level: 2, exact: true })).toBeVisible();
  const [child] = await query<{ id: string }>(
    `SELECT id FROM "Child" WHERE label = 'L' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  const token = signLink(secret, "checkin", child!.id, { topic: "fake-identities", ttlMs: 60_000 });
  const count = async () => (await query(`SELECT 1 FROM "CheckIn" WHERE "childId" = $1`, [child!.id])).length;

  const anonymous = await page.context().browser()!.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(`/checkin/${token}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Did you talk with L?");
  await expectNoAxeViolations(visitor);
  expect(await count()).toBe(0);
  await visitor.getByRole("button", { name: "Yes, we talked" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Thank you, that's logged");
  await visitor.goto(`/checkin/${token}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Thank you, that's logged");
  expect(await count()).toBe(1);

  await visitor.goto(`/checkin/${token.slice(0, -2)}xx`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await anonymous.close();
});

test("an email's 'Skip this month' and 'Pause' links ask first, act only on POST, and show on the account page", async ({
  page,
}) => {
  test.setTimeout(60_000); // two axe runs of the account page, and the links' pages
  await signInAs(page, unique());
  await addChild(page, "S", "14-17");
  const child = page.getByRole("region", { name: "S", exact: true });
  await child.getByRole("button", { name: "Save check-in plan" }).click();
  await expect(child.getByTestId("next-check-in")).toContainText("19:00");
  const [plan] = await query<{ id: string }>(
    `SELECT p.id FROM "CheckInPlan" p JOIN "Child" c ON c.id = p."childId" WHERE c.label = 'S' ORDER BY c."createdAt" DESC LIMIT 1`,
  );
  // This month's reminder, as a worker records it once sent.
  const deliveryId = `dlv_e2e_${Date.now()}`;
  await query(
    `INSERT INTO "Delivery" (id, "planId", month, "dueAt", status, "sentAt", "updatedAt")
     VALUES ($1, $2, '2026-12', now(), 'SENT', now(), now())`,
    [deliveryId, plan!.id],
  );
  const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  const skip = signLink(secret, "skip", deliveryId, { ttlMs: 60_000 });
  const pause = signLink(secret, "pause", plan!.id, { ttlMs: 60_000 });
  const row = async () =>
    (
      await query<{ paused: boolean; skipped: boolean }>(
        `SELECT p.paused, d."skippedAt" IS NOT NULL AS skipped FROM "CheckInPlan" p JOIN "Delivery" d ON d."planId" = p.id WHERE d.id = $1`,
        [deliveryId],
      )
    )[0];

  const anonymous = await page.context().browser()!.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(`/reminders/skip/${skip}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Skip this month's talk with S?");
  await expectNoAxeViolations(visitor);
  expect(await row()).toEqual({ paused: false, skipped: false });
  await visitor.getByRole("button", { name: "Skip this month" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Skipped for this month");
  expect(await row()).toEqual({ paused: false, skipped: true });

  await visitor.goto(`/reminders/pause/${pause}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Pause the check-ins for S?");
  await expectNoAxeViolations(visitor);
  // Without JavaScript the form posts to the page itself, and works the same.
  const noScript = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`/reminders/pause/${pause}`);
  expect(await row()).toEqual({ paused: false, skipped: true });
  await plain.getByRole("button", { name: "Pause reminders" }).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Reminders paused for S");
  expect(await row()).toEqual({ paused: true, skipped: true });
  await noScript.close();

  await visitor.goto(`/reminders/pause/${pause.slice(0, -2)}xx`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(visitor.getByRole("button")).toHaveCount(0);
  await anonymous.close();

  await page.reload();
  await expect(child.getByTestId("next-check-in")).toHaveText("Paused.");
  await expect(child.getByTestId("last-reminder")).toContainText("you skipped that month");
  await expectNoAxeViolations(page);
  // A signed-in page is never kept by a shared cache.
  const cache = (await page.request.get("/account")).headers()["cache-control"] ?? "";
  expect(cache).toMatch(/private|no-store/);
  expect(cache).not.toMatch(/(^|, )public/);
});

test("a second child: 'Add another child' at the top, then their card, focused, with the first child's plan", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAs(page, unique());
  await addChild(page, "M", "8-10");
  const m = page.getByRole("region", { name: "M", exact: true });
  await m.getByLabel("On the", { exact: true }).check();
  await m.getByRole("button", { name: "Save check-in plan" }).click();
  await expect(m.getByTestId("next-check-in")).toContainText("first Sunday");

  await page.getByRole("link", { name: "Add another child" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a child");
  await page.getByLabel("A nickname or initial (optional)").fill("J");
  await page.getByLabel("Age group", { exact: true }).selectOption("14-17");
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(page).toHaveURL(/\/account\?added=[\w-]+#child-[\w-]+$/);
  const j = page.getByRole("region", { name: "J", exact: true });
  await expect(j).toBeFocused();
  await expect(j.getByText(/J is added, with the same check-in plan as M/)).toBeVisible();
  await expect(j.getByTestId("next-check-in")).toContainText("first Sunday");
  await expect(page.getByRole("region", { name: "All your children" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("guide pages stay static: prerendered, with no session lookup or cookie", async ({ request }) => {
  for (const path of ["/", "/guides/8-10", "/guides/8-10/live-streaming"]) {
    const response = await request.get(path);
    expect(response.headers()["x-nextjs-prerender"], path).toMatch(/^1(, 1)*$/);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
});

test("account pages ask a visitor without a session to sign in", async ({ request }) => {
  for (const path of ["/account", "/account/add-child", "/account/data"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toMatch(/\/signin$/);
  }
  expect((await request.get("/account/data/export")).status()).toBe(401);
});

test("sign-in asks about a mistyped address once, and sends the link to the address chosen", async ({
  page,
}) => {
  const name = `signin-typo-${randomBytes(4).toString("hex")}`;
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(`${name}@hotmial.co.uk`);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "did you mean" });
  await expect(alert).toHaveText(`Please check your email address: did you mean ${name}@hotmail.co.uk?`);
  await expect(alert).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: `${name}@hotmail.co.uk` }).check();
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const sent = (await listOutbox(dataDir)).map((m) => m.to).filter((to) => to.startsWith(name));
  expect(sent).toEqual([`${name}@hotmail.co.uk`]);
});
