// Accessibility bars on every page in the URL contract and every account page: no axe violations
// (WCAG 2.2 A and AA) in light and dark, at 320 px and at desktop width; content reflows at 320 px
// and at 200% zoom of a 1280 px window (640 CSS px) without sideways scrolling; focus is always
// visible; and the main parent flow works with the keyboard alone.
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { contractUrls } from "@/lib/guides/url-contract";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { addChild, signInAs } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const WIDTHS = [
  { name: "320 px", width: 320, height: 640 },
  { name: "desktop", width: 1280, height: 800 },
];
const SCHEMES = ["light", "dark"] as const;

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `10.7.${Math.floor(Math.random() * 250)}.1` } });

async function checkEverywhere(page: Page, label: string) {
  for (const { width, height, name } of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await test.step(`${label}: ${colorScheme}, ${name}`, () => expectNoAxeViolations(page));
    }
  }
  // Reflow: at 320 px, and at 200% zoom of a 1280 px window, nothing needs a sideways scroll.
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${label} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe("every contract URL, light and dark, 320 px and desktop", () => {
  for (const { path } of contractUrls()) {
    test(path, async ({ page }) => {
      // Four axe runs of a long page (/schools: four age groups' kits) take over 30 s on 2 loaded cores.
      test.setTimeout(60_000);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await checkEverywhere(page, path);
    });
  }
});

test("account pages, light and dark, 320 px and desktop", async ({ page }) => {
  test.setTimeout(90_000);
  for (const path of ["/signin", "/no-such-page"]) {
    await page.goto(path);
    await checkEverywhere(page, path);
  }
  await signInAs(page, `a11y-${randomBytes(4).toString("hex")}@example.org`, { checkAccessibility: false });
  await checkEverywhere(page, "/account (empty)");
  await addChild(page, "R", "8-10");
  const form = page.getByRole("region", { name: "Add a child" });
  const child = page.getByRole("region", { name: "R", exact: true });
  await child.getByRole("button", { name: "Save check-in plan" }).click();
  await expect(child.getByTestId("next-check-in")).toContainText("19:00");
  // A form with errors shown is checked too.
  await form.getByRole("button", { name: "Add child" }).click();
  await expect(form.getByRole("alert")).toContainText("Choose an age group.");
  await expect(form.getByRole("alert")).toBeFocused();
  await checkEverywhere(page, "/account (child, plan, error)");
  await page.goto("/account/add-child");
  await checkEverywhere(page, "/account/add-child");
  await page.goto("/account/data");
  await checkEverywhere(page, "/account/data");
});

/** Presses Tab until `target` has focus (at most `limit` times): proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
    await expectFocusVisible(page);
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** The focused element shows a focus indicator: an outline or a box shadow. */
async function expectFocusVisible(page: Page) {
  const style = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const css = getComputedStyle(element);
    return {
      tag: `${element.tagName.toLowerCase()} ${element.getAttribute("type") ?? ""} ${element.getAttribute("name") ?? ""} ${element.textContent?.trim().slice(0, 30) ?? ""} (${css.outlineStyle} ${css.outlineWidth})`,
      outline: css.outlineStyle !== "none" && parseFloat(css.outlineWidth) >= 2,
      shadow: css.boxShadow !== "none",
    };
  });
  if (style) expect(style.outline || style.shadow, `focus visible on ${style.tag}`).toBe(true);
}

test("the main parent flow with the keyboard alone: sign in, add a child, plan, log a talk", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = `keys-${randomBytes(4).toString("hex")}@example.org`;
  await page.goto("/");
  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expectFocusVisible(page);
  const checkIns = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Monthly check-ins" });
  await tabTo(page, checkIns);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin/);

  await tabTo(page, page.getByLabel("Your email address"));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email);
  await page.goto(message!.links[0]!); // following the link in the email
  await tabTo(page, page.getByRole("button", { name: "Sign in" })); // its page's button signs in
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);

  const add = page.getByRole("region", { name: "Add a child" });
  await tabTo(page, add.getByLabel("A nickname or initial (optional)"));
  await page.keyboard.type("Kb");
  await tabTo(page, add.getByLabel("Age group", { exact: true }));
  await page.keyboard.press("ArrowDown"); // the first age group
  await tabTo(page, add.getByRole("button", { name: "Add child" }));
  await page.keyboard.press("Enter");
  const child = page.getByRole("region", { name: "Kb", exact: true });
  await expect(child).toBeVisible();

  await tabTo(page, child.getByRole("button", { name: "Save check-in plan" }), 120);
  await page.keyboard.press("Enter");
  await expect(child.getByTestId("next-check-in")).toContainText("19:00");

  await tabTo(page, child.getByLabel("What did you talk about?"), 120);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, child.getByLabel("Note"));
  await page.keyboard.type("Talked on the bus.");
  await tabTo(page, child.getByRole("button", { name: "We talked" }));
  await page.keyboard.press("Enter");
  await expect(child.getByText("Talked on the bus.")).toBeVisible();
});
