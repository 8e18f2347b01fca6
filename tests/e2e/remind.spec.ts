// The way in: from /remind/<age> to an active monthly check-in in one form, one email, one button,
// for every age group, without JavaScript too, and with no email at all for a parent already signed in.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { query, signInAs } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const unique = () => `remind-${randomBytes(4).toString("hex")}@example.org`;

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `10.6.${Math.floor(Math.random() * 250)}.1` } });

/** Counts what the parent's browser does: pages loaded (documents) and forms posted. */
function countSteps(page: Page) {
  const steps = { pageLoads: 0, posts: 0 };
  page.on("request", (request) => {
    if (request.frame() !== page.mainFrame()) return;
    if (request.method() === "POST") steps.posts += 1;
    else if (request.isNavigationRequest()) steps.pageLoads += 1;
  });
  return steps;
}

async function childrenOf(email: string) {
  return query<{ ageGroup: string; ruleKind: string; emailEnabled: boolean }>(
    `SELECT c."ageGroup", p."ruleKind", p."emailEnabled" FROM "Child" c JOIN "User" u ON u.id = c."userId"
     JOIN "CheckInPlan" p ON p."childId" = c.id WHERE u.email = $1`,
    [email],
  );
}

for (const group of AGE_GROUPS) {
  test(`from /remind/${group.slug} to a monthly check-in: one form, one email, one button`, async ({
    page,
  }) => {
    const email = unique();
    const steps = countSteps(page);
    await page.goto(`/remind/${group.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `A monthly reminder to talk with your ${group.from} to ${group.to} year old`,
    );
    await expectNoAxeViolations(page);
    await page.getByLabel("Your email address").fill(email);
    await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

    const messages = (await listOutbox(dataDir)).filter((m) => m.to === email);
    expect(messages.map((m) => m.subject)).toEqual(["Confirm your monthly check-in"]);
    expect(messages[0]!.text).toContain("first Sunday of each month at 19:00");
    expect(await childrenOf(email)).toEqual([]); // nothing made before the button

    await page.goto(messages[0]!.links[0]!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your monthly check-in");
    await page.getByRole("button", { name: "Confirm my monthly check-in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
    await expect(page.getByTestId("first-check-in")).toContainText(
      /Your first check-in is on Sunday, .* at 19:00/,
    );
    await expect(page.getByRole("heading", { name: "Something to try tonight" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Opening the page again (a reload, a second tab) makes nothing more.
    await page.reload();
    expect(await childrenOf(email)).toEqual([
      { ageGroup: group.slug, ruleKind: "NTH_WEEKDAY", emailEnabled: true },
    ]);
    console.log(`/remind/${group.slug}: ${steps.pageLoads} page loads, ${steps.posts} form posts, 1 email`);
    expect(steps.posts).toBe(2); // the form, and the email's button
  });
}

test("without JavaScript, with a birth month and year and a calendar, the form works the same", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": `10.5.${Math.floor(Math.random() * 250)}.1` },
  });
  const page = await context.newPage();
  const email = unique();
  await page.goto("/remind");
  await page.getByLabel("Your email address").fill(email);
  // A mistake first: what was typed is kept, and the message names the field.
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Choose an age group.");
  await expect(page.locator("form [role=alert]")).toBeFocused();
  await expect(page.getByLabel("Your email address")).toHaveValue(email);
  await page.getByLabel("Give their birth month and year").check();
  await page.getByLabel("Birth month", { exact: true }).selectOption("3");
  await page.getByLabel("Birth year", { exact: true }).fill(String(new Date().getUTCFullYear() - 9));
  await page.getByText(/^When: the first Sunday/).click();
  await page.getByLabel("In my calendar").check();
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email)!;
  await page.goto(message.links[0]!);
  await page.getByRole("button", { name: "Confirm my monthly check-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  await expect(page.getByRole("link", { name: "Add the reminders to your calendar" })).toBeVisible();
  await context.close();
});

test("a parent already signed in gets the form with their address, and the check-in at once", async ({
  page,
}) => {
  const email = unique();
  await signInAs(page, email, { checkAccessibility: false });
  const before = (await listOutbox(dataDir)).filter((m) => m.to === email).length;
  await page.goto("/remind/11-13");
  await expect(page.getByLabel("Your email address")).toHaveValue(email);
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  expect((await listOutbox(dataDir)).filter((m) => m.to === email)).toHaveLength(before);
  expect(await childrenOf(email)).toEqual([
    { ageGroup: "11-13", ruleKind: "NTH_WEEKDAY", emailEnabled: true },
  ]);
});

test("the home page, every hub and every guide invite parents to the monthly reminder", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Set up a monthly reminder" })).toHaveAttribute(
    "href",
    "/remind",
  );
  for (const group of AGE_GROUPS) {
    const name = `Get a monthly reminder to talk with your ${group.from} to ${group.to} year old`;
    for (const path of [`/guides/${group.slug}`, `/guides/${group.slug}/live-streaming`]) {
      await page.goto(path);
      await expect(page.getByRole("link", { name }), path).toHaveAttribute("href", `/remind/${group.slug}`);
    }
  }
});

test("a parent with an account who is signed out gets the child added to it, never a second account", async ({
  page,
}) => {
  const email = unique();
  await signInAs(page, email, { checkAccessibility: false });
  await page.context().clearCookies();
  await page.goto("/remind?age=4-7");
  await expect(page.getByLabel("Age group", { exact: true })).toHaveValue("4-7");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email && m.subject.startsWith("Confirm"))!;
  await page.goto(message.links[0]!);
  await page.getByRole("button", { name: "Confirm my monthly check-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  const users = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]);
  expect(users[0]!.n).toBe(1);
  expect(await childrenOf(email)).toEqual([{ ageGroup: "4-7", ruleKind: "NTH_WEEKDAY", emailEnabled: true }]);
});

test("the invitation is near the top of hubs and guides; a parent with a plan logs a talk from a guide instead", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A new visitor: the invitation comes right after the intro, before the first section of the guide.
  await page.goto("/guides/8-10/live-streaming");
  const invitation = page.getByRole("complementary", { name: "Monthly reminder" });
  await expect(invitation).toBeVisible();
  const [boxTop, firstSectionTop] = await Promise.all([
    invitation.evaluate((el) => el.getBoundingClientRect().top),
    page
      .locator(".guide-section")
      .first()
      .evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(boxTop).toBeLessThan(firstSectionTop);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/guides/8-10");
  await expect(page.getByRole("complementary", { name: "Monthly reminder" })).toBeInViewport();

  // Signed in with a plan: "Log that we talked", for the guide's topic.
  const email = unique();
  await signInAs(page, email, { checkAccessibility: false });
  await page.goto("/remind/8-10");
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("signed in");
  await page.goto("/guides/8-10/live-streaming");
  const log = page.getByRole("link", { name: "Log that we talked" });
  await expect(log).toHaveAttribute("href", "/account/talked?topic=live-streaming");
  await expect(page.getByRole("link", { name: /Get a monthly reminder/ })).toHaveCount(0);
  await log.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log that you talked");
  await expect(page.getByLabel("What did you talk about?")).toHaveValue("live-streaming");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "We talked" }).click();
  await expect(page.getByText("Well done. We've noted your talk.")).toBeVisible();
  const talks = await query<{ topic: string }>(
    `SELECT c.topic FROM "CheckIn" c JOIN "Child" ch ON ch.id = c."childId" JOIN "User" u ON u.id = ch."userId"
     WHERE u.email = $1`,
    [email],
  );
  expect(talks).toEqual([{ topic: "live-streaming" }]);
});

test("GET /api/me says only whether someone is signed in and has a plan, and is never cached", async ({
  request,
}) => {
  const response = await request.get("/api/me");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ signedIn: false, hasPlan: false });
});

for (const javaScriptEnabled of [true, false]) {
  test(`a mistyped address is asked about once: take the suggestion, or keep what was typed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.1` },
    });
    const page = await context.newPage();
    const name = `typo-${randomBytes(4).toString("hex")}`;
    const send = () => page.getByRole("button", { name: "Send me the monthly reminder" }).click();

    // The newcomer review's parent@gmial.con: asked, the alert first, the two addresses to choose from.
    await page.goto("/remind/8-10");
    await page.getByLabel("Your email address").fill(`${name}@gmial.con`);
    await send();
    const alert = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(alert).toContainText(`did you mean ${name}@gmail.com?`);
    await expect(alert).toBeFocused();
    if (javaScriptEnabled) await expectNoAxeViolations(page); // axe runs in the page: it needs JavaScript
    await page.getByRole("radio", { name: `${name}@gmail.com` }).check();
    await send();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    const sentTo = async () =>
      (await listOutbox(dataDir)).map((m) => m.to).filter((to) => to.startsWith(name));
    expect(await sentTo()).toEqual([`${name}@gmail.com`]);

    // An address that only looks like a slip is kept when the form is sent again as it is.
    await page.goto("/remind/8-10");
    await page.getByLabel("Your email address").fill(`${name}@example.con`);
    await send();
    await expect(alert).toContainText(`did you mean ${name}@example.com?`);
    await send();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    expect((await sentTo()).sort()).toEqual([`${name}@example.con`, `${name}@gmail.com`]);
    await context.close();
  });
}
