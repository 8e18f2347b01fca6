import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the home page says what Talk Often is and leads to each age group", async ({ page, visit }) => {
  await visit("/");
  await expect(page).toHaveTitle(/Talk Often/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("staying safe online");
  for (const age of ["Ages 4 to 7", "Ages 8 to 10", "Ages 11 to 13", "Ages 14 to 17"]) {
    await expect(page.getByRole("link", { name: age })).toHaveAttribute("href", /^\/guides\/\d+-\d+$/);
  }
});

test("every page has a skip link, main navigation and the help routes", async ({ page, visit }) => {
  await visit("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("999");
  await expect(footer).toContainText("0800 1111");
  await expect(footer.getByRole("link", { name: "Report to CEOP" })).toHaveAttribute(
    "href",
    /ceop\.police\.uk/,
  );
  await expect(footer).toContainText("NSPCC");
});

test("printing drops the navigation", async ({ page, visit }) => {
  await visit("/");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the dark colour scheme also passes the accessibility checks", async ({ page, visit }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await visit("/");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(253, 252, 249)");
});

test("nothing is fetched from another host", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:")
      foreign.push(request.url());
  });
  await page.goto("/", { waitUntil: "load" });
  // Beyond the requests seen, no element or stylesheet points at another host for later.
  const referenced = await page.evaluate(() => [
    ...[...document.querySelectorAll("script[src], img[src], iframe[src], source[src]")].map(
      (el) => (el as HTMLImageElement).src,
    ),
    ...[...document.querySelectorAll("link[href]")].map((el) => (el as HTMLLinkElement).href),
    ...performance.getEntriesByType("resource").map((entry) => entry.name),
  ]);
  for (const url of referenced) {
    if (!url.startsWith("data:") && !["127.0.0.1", "localhost"].includes(new URL(url).hostname))
      foreign.push(url);
  }
  expect(referenced.length).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});

test("the accessibility check fails on a page with a violation", async ({ page }) => {
  await page.setContent(
    '<html lang="en"><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
  );
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
});

test("on a phone's first screen: what this is, who is behind it, and the age buttons", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await expect(page.getByRole("link", { name: /Who we are/ })).toBeInViewport();
  for (const age of ["Ages 4 to 7", "Ages 8 to 10", "Ages 11 to 13", "Ages 14 to 17"])
    await expect(page.getByRole("link", { name: age })).toBeInViewport({ ratio: 1 });
  await page.getByRole("link", { name: /Who we are/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Talk Often");
  for (const heading of [
    "Who is behind it",
    "How the guides are written and checked",
    "Where the advice comes from",
  ])
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your privacy, in plain words" })).toBeVisible();
  await expect(page.getByText(/NSPCC \(\d+ guides\)/)).toBeVisible();
});
