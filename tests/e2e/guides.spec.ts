import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { readingMinutes } from "@/lib/guides/reading-time";
import { searchTermsOf } from "@/lib/guides/search-terms";
import { contractUrls } from "@/lib/guides/url-contract";
import type { Page } from "@playwright/test";
import { expect, test, redirectTargets } from "./fixtures";

const guides = getGuides();
const contract = [
  "/",
  "/guides",
  ...AGE_GROUPS.map((g) => `/guides/${g.slug}`),
  ...guides.map((g) => g.path),
  "/search",
];

// accessibility.spec.ts runs axe on every URL of the contract (light and dark, two widths); here axe
// runs only on the pages that are not in it (/search), rather than a second and third time on each.
const checkedByAccessibilitySpec = new Set(contractUrls().map((url) => url.path));

/** One h1, and on a guide its canonical link, Open Graph image and description. */
async function checkPage(page: Page, path: string) {
  await expect(page.locator("h1")).toHaveCount(1);
  if (path.startsWith("/guides/") && path.split("/").length === 4) {
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${path}$`));
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /opengraph-image/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{20,}/);
  }
}

test.describe("every URL in the public contract", () => {
  for (const path of contract) {
    if (checkedByAccessibilitySpec.has(path)) {
      test(`${path} answers 200 with one h1`, async ({ page }) => {
        expect((await page.goto(path))?.status(), path).toBe(200);
        await checkPage(page, path);
      });
    } else {
      test(`${path} answers 200 with one h1 and no accessibility violations`, async ({ page, visit }) => {
        await visit(path);
        await checkPage(page, path);
      });
    }
  }
});

test("capitals and a trailing slash redirect permanently to the canonical URL", async ({ request }) => {
  const cases = [
    ["/guides/8-10/LIVE-STREAMING", "/guides/8-10/live-streaming"],
    ["/Guides/14-17/Fake-Identities", "/guides/14-17/fake-identities"],
    ["/GUIDES/4-7", "/guides/4-7"],
    ["/guides/11-13/", "/guides/11-13"],
    ["/guides/11-13/start-talking/", "/guides/11-13/start-talking"],
  ];
  for (const [from, to] of cases) {
    const response = await request.get(from!, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(redirectTargets(response), from).toEqual([to]);
  }
});

test("an unknown age or topic is a helpful 404 that lists the valid ones", async ({ page }) => {
  for (const path of ["/guides/5-9", "/guides/8-10/cyberbullying", "/guides/8-10/live-streaming/extra"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
    for (const group of AGE_GROUPS)
      await expect(
        page.getByRole("link", { name: `Ages ${group.from} to ${group.to}` }).first(),
      ).toBeVisible();
    await expect(page.getByText("/guides/<age>/live-streaming")).toBeVisible();
  }
});

test("search finds a guide by a phrase from its body, without JavaScript", async ({ browser }) => {
  const guide = guides.find((g) => g.file === "content/14-17/healthy-relationships.mdx")!;
  // Six words of its body, four or more of which search uses (it leaves out "between", "many", ages).
  const phrase = guide.sentences
    .map((sentence) => sentence.split(" ").slice(0, 6).join(" "))
    .find((words) => searchTermsOf(words).length >= 4)!;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the guides" }).fill(phrase);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  const result = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: guide.frontMatter.title }) });
  await expect(result).toBeVisible();
  await expect(result.locator("mark").first()).toBeVisible();
  await context.close();
});

test("search gives instant results while typing where JavaScript runs", async ({ page, visit }) => {
  await visit("/search");
  await page
    .getByRole("searchbox", { name: "Search the guides" })
    .pressSequentially("game points", { delay: 20 });
  await expect(page.getByRole("status")).toContainText("match");
  await expect(page.locator("mark").first()).toBeVisible();
  expect(page.url()).toContain("q=game%20points");
});

test("the filters on /guides work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/guides");
  await expect(page.getByRole("status")).toHaveText(`${guides.length} guides`);
  await page.getByLabel("Age group").selectOption("11-13");
  await page.getByLabel("Topic").selectOption("fake-identities");
  await page.getByRole("button", { name: "Show guides" }).click();
  await expect(page).toHaveURL(/age=11-13&topic=fake-identities/);
  await expect(page.getByRole("status")).toHaveText(
    "1 guide for ages 11 to 13 about people who are not who they say they are",
  );
  await expect(
    page.getByRole("link", {
      name: guides.find((g) => g.path === "/guides/11-13/fake-identities")!.frontMatter.title,
    }),
  ).toBeVisible();
  await context.close();
});

test("the sitemap lists every guide and robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of contract.filter((p) => p !== "/search"))
    expect(sitemap).toContain(`${path === "/" ? "/" : path}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});

test("each guide has an Open Graph image", async ({ request }) => {
  const html = await (await request.get("/guides/8-10/fake-identities")).text();
  const image = html.match(/property="og:image" content="([^"]+)"/)![1]!;
  const response = await request.get(new URL(image).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});

test("every guide prints on at most two A4 pages, with the starters as a card and no navigation", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tooLong: string[] = [];
  for (const guide of guides) {
    await page.goto(guide.path);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    if (guide.starters.length) {
      await expect(page.locator(".starter-card")).toHaveCSS("border-top-style", "dashed");
      await expect(page.locator(".starter-card")).toHaveCSS("break-inside", "avoid");
    }
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages, `${guide.path} printed pages`).toBeGreaterThanOrEqual(1);
    if (pages > 2) tooLong.push(`${guide.path}: ${pages} pages`);
  }
  expect(tooLong).toEqual([]); // every guide that prints too long, named at once
});

test("a guide's breadcrumb shows its separators but screen readers hear only the links", async ({
  page,
  visit,
}) => {
  await visit("/guides/8-10/live-streaming");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs).toMatchAriaSnapshot(`
    - navigation "Breadcrumb":
      - list:
        - listitem:
          - link "Guides"
        - listitem:
          - link "Ages 8 to 10"
        - listitem: Live streaming
  `);
  expect(await crumbs.textContent()).not.toContain("›");
  const separators = await crumbs
    .locator("li")
    .evaluateAll((items) => items.map((li) => getComputedStyle(li, "::before").content));
  expect(separators[0]).toBe("none");
  expect(separators.slice(1).every((content) => content.includes("›"))).toBe(true);
});

test("a guide says how long it takes to read, from its words, and shows 'Where to get help' once", async ({
  page,
}) => {
  const guide = guides.find((g) => g.path === "/guides/14-17/pictures-and-bodies")!;
  await page.goto(guide.path);
  await expect(page.getByTestId("reading-time")).toHaveText(
    new RegExp(`^About ${readingMinutes(guide)} minutes? to read`),
  );
  await expect(page.getByRole("heading", { name: "Where to get help" })).toHaveCount(1);
  // The header's "Get help now" still leads somewhere: the footer points to the guide's box.
  await expect(page.locator("#help").getByRole("link", { name: "See where to get help" })).toHaveAttribute(
    "href",
    "#page-help-routes",
  );
  // A hub has its own box too; the home page has the footer's.
  await page.goto("/guides/8-10");
  await expect(page.getByRole("heading", { name: "Where to get help" })).toHaveCount(1);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Where to get help" })).toHaveCount(1);
});

test("a printed guide shows where its links go, and its sources line reads 'advice of: …'", async ({
  page,
}) => {
  await page.goto("/guides/8-10/live-streaming");
  await page.emulateMedia({ media: "print" });
  const ceop = page.locator(".guide-help").getByRole("link", { name: "Report to CEOP" });
  expect(await ceop.evaluate((el) => getComputedStyle(el, "::after").content)).toContain("ceop.police.uk");
  const before = await page
    .locator(".guide-sources ul")
    .evaluate((el) => getComputedStyle(el, "::before").content);
  expect(before).toBe('" "');
});
