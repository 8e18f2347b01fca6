// On a phone (390×844, touch): what the first screen shows on the home page and a guide, where a form's
// error lands, and the way in measured (screens, taps, fields, emails, seconds waited) for README.
// Each test attaches its screenshots to the report (test-results/ keeps them on failure).
import { randomBytes } from "node:crypto";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { expect, test } from "./fixtures";

const dataDir = process.env.E2E_DATA_DIR!;
const PHONE = { width: 390, height: 844 };

test.use({
  viewport: PHONE,
  hasTouch: true,
  isMobile: true,
  extraHTTPHeaders: { "X-Forwarded-For": `10.39.${Math.floor(Math.random() * 250)}.1` },
});

async function snap(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

/** The element lies wholly inside the first screen (the page scrolled to the top). */
async function expectOnFirstScreen(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the element is laid out").not.toBeNull();
  const scrollY = await locator.page().evaluate(() => window.scrollY);
  expect(scrollY).toBe(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
}

/** Opens `path`, attaches its first screen as `shot`, and expects its heading on that screen. */
async function openOnPhone(page: Page, testInfo: TestInfo, path: string, shot: string) {
  await page.goto(path);
  await snap(page, testInfo, shot);
  await expectOnFirstScreen(page.getByRole("heading", { level: 1 }));
}

/** Nothing is wider than the phone (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test("the home page's first phone screen says what this is, who is behind it and the one action", async ({
  page,
}, testInfo) => {
  await openOnPhone(page, testInfo, "/", "home-first-screen");
  await expectOnFirstScreen(
    page
      .getByRole("main")
      .getByRole("link", { name: /about|who we are/i })
      .first(),
  );
  for (const age of ["Ages 4 to 7", "Ages 8 to 10", "Ages 11 to 13", "Ages 14 to 17"]) {
    await expectOnFirstScreen(page.getByRole("link", { name: age }).first());
  }
  await expectNoSidewaysScroll(page);
});

test("a guide on a phone: its title and reading time first, the check-in offered near the top", async ({
  page,
}, testInfo) => {
  await openOnPhone(page, testInfo, "/guides/8-10/healthy-relationships", "guide-first-screen");
  await expectOnFirstScreen(page.getByText(/\d+ minutes? to read/).first());
  const invitation = page.getByRole("link", { name: /monthly (reminder|check-in)/i }).first();
  await invitation.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "guide-check-in-invitation");
  const top = await invitation.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  expect(top, "the invitation is within the first two screens").toBeLessThan(2 * PHONE.height);
  await expectNoSidewaysScroll(page);
});

test("a form's error on a phone is announced, focused and on the screen, with and without JavaScript", async ({
  browser,
}, testInfo) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      javaScriptEnabled,
      extraHTTPHeaders: { "X-Forwarded-For": `10.38.${Math.floor(Math.random() * 250)}.1` },
    });
    const page = await context.newPage();
    await page.goto("/remind/8-10");
    // A typo the browser lets through (no dot after the @) and the server refuses.
    await page.getByLabel("Your email address").fill("parent@example");
    const send = page.getByRole("button", { name: "Send me the monthly reminder" });
    await send.scrollIntoViewIfNeeded();
    await send.tap();
    const alert = page.locator("form [role=alert]");
    await expect(alert).toContainText("There is a problem");
    await expect(alert).toContainText("Enter an email address like name@example.com");
    await expect(alert.getByRole("link", { name: /email address/ })).toHaveAttribute(
      "href",
      "#remind-address",
    );
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    await snap(page, testInfo, `form-error-${javaScriptEnabled ? "with" : "without"}-javascript`);
    await expect(page.getByLabel("Your email address")).toHaveValue("parent@example");
    await context.close();
  }
});

test("the way in on a phone, measured: letter's QR code to a running monthly check-in", async ({
  page,
}, testInfo) => {
  const email = `phone-${randomBytes(4).toString("hex")}@example.org`;
  const journey = { screens: 0, taps: 0, fields: 0, emails: 0, waited: 0 };
  const headings = new Set<string>();
  /** A screen is a page with a heading of its own. */
  const seen = async () => {
    headings.add(await page.getByRole("heading", { level: 1 }).innerText());
    journey.screens = headings.size;
  };
  /** Times `step` (a tap and what it waits for) into the seconds a parent waits. */
  const timed = async (step: () => Promise<unknown>) => {
    const start = performance.now();
    await step();
    journey.waited += (performance.now() - start) / 1000;
  };

  // The letter's second QR code, scanned.
  await timed(async () => {
    await page.goto("/remind/8-10");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await seen();
  await snap(page, testInfo, "way-in-1-form");
  await page.getByLabel("Your email address").fill(email);
  journey.fields += 1;
  const send = page.getByRole("button", { name: "Send me the monthly reminder" });
  await send.scrollIntoViewIfNeeded();
  await timed(async () => {
    await send.tap();
    journey.taps += 1;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    // Until the email is in the outbox (SMTP or the outbox: the same moment for the parent's phone).
    await expect
      .poll(async () => (await listOutbox(dataDir)).filter((m) => m.to === email).length, { timeout: 20_000 })
      .toBe(1);
  });
  await seen();
  await snap(page, testInfo, "way-in-2-check-your-email");
  const messages = (await listOutbox(dataDir)).filter((m) => m.to === email);
  journey.emails = messages.length;
  const link = messages[0]!.links[0]!;

  // The email's button (a tap in the mail app), then the page's one button.
  await timed(async () => {
    await page.goto(link);
    journey.taps += 1;
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await seen();
  await snap(page, testInfo, "way-in-3-confirm");
  const confirm = page.getByRole("button", { name: /confirm/i });
  await expectOnFirstScreen(confirm);
  await timed(async () => {
    await confirm.tap();
    journey.taps += 1;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  });
  await seen();
  await snap(page, testInfo, "way-in-4-ready");
  await expectOnFirstScreen(page.getByTestId("first-check-in"));

  const line =
    `way in on a phone: ${journey.screens} screens, ${journey.taps} taps, ${journey.fields} field, ` +
    `${journey.emails} email, ${journey.waited.toFixed(1)} s waited`;
  console.log(line);
  await testInfo.attach("way-in", { body: line, contentType: "text/plain" });
  expect(journey).toMatchObject({ screens: 4, taps: 3, fields: 1, emails: 1 });
});
