// Search reads a parent's sentence: one about a child at risk now shows what to do and where to get help
// above every guide, both as the parent types (JavaScript) and on the server's page for /search?q=…
// (without it); an age in the sentence puts that age group's guides first.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const CRISIS = "my son is being blackmailed";

/** Resolves once the page has the search index (it is fetched after the page loads). */
function indexLoaded(page: Page) {
  return page.waitForResponse((response) => new URL(response.url()).pathname === "/search-index.json");
}

/** The crisis help is shown, with the help routes, and sits above the first guide found. */
async function expectHelpAboveGuides(page: Page) {
  const help = page.getByRole("region", { name: "If you're worried about your child now" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(help.getByRole("link", { name: "Report to CEOP" })).toHaveAttribute(
    "href",
    /ceop\.police\.uk/,
  );
  await expect(help.getByRole("link", { name: "Call 0800 1111" })).toHaveAttribute("href", "tel:08001111");
  await expect(help.getByRole("link", { name: "Use Report Remove" })).toHaveAttribute(
    "href",
    /childline\.org\.uk/,
  );
  const firstGuide = page.getByRole("list", { name: "Guides found" }).getByRole("listitem").first();
  await expect(firstGuide).toBeVisible();
  const helpBox = (await help.boundingBox())!;
  const guideBox = (await firstGuide.boundingBox())!;
  expect(helpBox.y + helpBox.height).toBeLessThanOrEqual(guideBox.y);
}

test("a crisis sentence shows what to do and where to get help above the guides, as the parent types (JavaScript)", async ({
  page,
  visit,
}) => {
  const index = indexLoaded(page);
  await visit("/search");
  await index; // typing before it loads works too, but the address is only updated once it has
  await page.getByRole("searchbox", { name: "Search the guides" }).pressSequentially(CRISIS, { delay: 20 });
  await expect(page.getByRole("status")).toContainText("shown first");
  await expectHelpAboveGuides(page);
  await expectNoAxeViolations(page);
  expect(page.url()).toContain(`q=${encodeURIComponent(CRISIS)}`);
  // A calm question about the same subject shows the guides, without the crisis help.
  await page.getByRole("searchbox", { name: "Search the guides" }).fill("what is sextortion");
  await expect(page.getByRole("status")).toContainText("guides match");
  await expect(page.getByRole("region", { name: "If you're worried about your child now" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a crisis sentence shows what to do and where to get help above the guides", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Search the guides" }).fill(CRISIS);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=my\+son\+is\+being\+blackmailed$/);
    await expectHelpAboveGuides(page);
    // With no age in the sentence, the steps for each age are a link away.
    const help = page.getByRole("region", { name: "If you're worried about your child now" });
    for (const age of ["Ages 4 to 7", "Ages 8 to 10", "Ages 11 to 13", "Ages 14 to 17"])
      await expect(help.getByRole("link", { name: age })).toHaveAttribute("href", /\/if-youre-worried$/);

    // With an age, that age group's steps are on the page.
    await page.goto(`/search?q=${encodeURIComponent("my 15 year old is being blackmailed")}`);
    await expectHelpAboveGuides(page);
    await expect(help.getByRole("listitem").filter({ hasText: "Stay calm" })).toBeVisible();
    await expect(
      help.getByRole("link", { name: "If you're worried about your 14 to 17 year old" }),
    ).toHaveAttribute("href", "/guides/14-17/if-youre-worried");
  });
});

test("an age in the sentence ranks that age group's guides first", async ({ page, visit }) => {
  // On the server's page, from the address.
  const index = indexLoaded(page);
  await visit(`/search?q=${encodeURIComponent("my 9 year old plays roblox")}`);
  const first = () => page.getByRole("list", { name: "Guides found" }).getByRole("listitem").first();
  await expect(first().getByRole("link")).toHaveAttribute("href", "/guides/8-10/online-games");
  await expect(first()).toContainText("Ages 8 to 10");
  await expect(page.getByRole("region", { name: "If you're worried about your child now" })).toHaveCount(0);

  // In the browser, as the parent types.
  await index;
  const box = page.getByRole("searchbox", { name: "Search the guides" });
  await box.fill("");
  await box.pressSequentially("my teenager is on her phone all night", { delay: 20 });
  await expect(first().getByRole("link")).toHaveAttribute("href", "/guides/14-17/screen-time");
  await expect(first()).toContainText("Ages 14 to 17");
});
