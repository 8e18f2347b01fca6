import http from "node:http";
import { parseFeed } from "@rowanmanning/feed-parser";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";
import { ageAliases, contractUrls, MOVED } from "@/lib/guides/url-contract";
import { expect, test, redirectTargets } from "./fixtures";

test("every contract URL answers 200, and every link on those pages resolves", async ({ page, request }) => {
  test.setTimeout(120_000);
  const links = new Set<string>();
  for (const { path } of contractUrls()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin === new URL(page.url()).origin) links.add(url.pathname + url.search);
    }
  }
  expect(links.size).toBeGreaterThan(30);
  for (const link of links) {
    const response = await request.get(link);
    expect(response.status(), `link ${link}`).toBe(200);
  }
});

test("moved URLs and age aliases redirect permanently to a page that answers 200", async ({ request }) => {
  const redirects = {
    ...MOVED,
    ...ageAliases(),
    "/SCHOOLS": "/schools",
    "/schools/letter/8-10/": "/schools/letter/8-10",
  };
  for (const [from, to] of Object.entries(redirects)) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(redirectTargets(response), from).toEqual([to]);
    expect((await request.get(to)).status(), to).toBe(200);
  }
});

test("/schools has, for each age, the link, a QR code to download and a newsletter paragraph", async ({
  page,
  visit,
  request,
}) => {
  await visit("/schools");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("For schools");
  // On a phone, the page before any kit is opened: the newcomer review measured 8.6 screens with all four.
  await page.setViewportSize({ width: 390, height: 844 });
  const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
  console.log(`/schools on a 390×844 phone, kits closed: ${screens.toFixed(1)} screens`);
  expect(screens).toBeLessThan(5);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const group of AGE_GROUPS) {
    const section = page.getByRole("region", { name: `Ages ${group.from} to ${group.to}` });
    // Each kit is behind its own "Show" line: the page is a screen of headings until one is opened.
    await expect(section.getByRole("img", { name: /QR code for/ })).toBeHidden();
    await section.getByText("Show the link, QR code, letter home and newsletter text").click();
    await expect(section.locator("code").first()).toHaveText(new RegExp(`/guides/${group.slug}$`));
    await expect(section.getByRole("img", { name: /QR code for/ })).toBeVisible();
    await expect(section.getByRole("button", { name: "Copy link" })).toBeVisible();
    for (const type of ["svg", "png"]) {
      const href = await section
        .getByRole("link", { name: new RegExp(`^${type}`, "i") })
        .getAttribute("href");
      const response = await request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain(type === "svg" ? "image/svg+xml" : "image/png");
      expect(response.headers()["cache-control"]).toContain("s-maxage=31536000");
    }
    await expect(section.getByText(/Talk Often is a free website/).first()).toBeVisible();
  }
});

test("the copy link is selectable text without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/schools");
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await expect(page.locator("code").first()).toHaveCSS("user-select", "all");
  await context.close();
});

for (const group of AGE_GROUPS) {
  test(`the letter for ages ${group.slug} prints on exactly one A4 page, with a school name`, async ({
    page,
    visit,
  }) => {
    await visit(
      `/schools/letter/${group.slug}?school=${encodeURIComponent("St Mary's <b>Primary</b> School")}`,
    );
    await expect(page.getByText("St Mary's <b>Primary</b> School", { exact: true })).toBeVisible();
    await expect(
      page.getByRole("img", { name: new RegExp(`QR code for .*/guides/${group.slug}$`) }),
    ).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  });
}

test("a school name over 80 characters is refused with a message, and the letter still shows", async ({
  page,
  visit,
}) => {
  await visit(`/schools/letter/4-7?school=${"A".repeat(81)}`);
  await expect(page.locator("#school-problem")).toContainText("at most 80 characters");
  await expect(page.getByLabel(/Your school/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Helping your child stay safe online");
  await expect(page.getByText("A".repeat(81), { exact: true })).toHaveCount(0);
});

test("only /embed/* may be framed by other sites: a school's page shows the block, never a guide; its links open Talk Often in the top window", async ({
  page,
  baseURL,
}) => {
  const embed = await page.request.get("/embed/8-10");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(await embed.text()).not.toMatch(/<script/i);
  const guide = await page.request.get("/guides/8-10");
  expect(guide.headers()["x-frame-options"]).toBe("DENY");
  expect(guide.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // A school's website: another origin, framing the block and (wrongly) a guide.
  const school = http.createServer((_request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(
      `<!doctype html><html lang="en"><title>A school</title><h1>Our school</h1>` +
        `<iframe id="block" title="Talk Often" src="${baseURL}/embed/8-10" width="600" height="600"></iframe>` +
        `<iframe id="guide" title="A guide" src="${baseURL}/guides/8-10" width="600" height="300"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => school.listen(0, "localhost", resolve));
  try {
    const { port } = school.address() as { port: number };
    await page.goto(`http://localhost:${port}/`);
    const block = page.frameLocator("#block");
    await expect(block.getByRole("heading", { level: 1 })).toHaveText(
      "Talking about staying safe online: ages 8 to 10",
    );
    await expect(block.getByRole("link", { name: "get a monthly check-in from Talk Often" })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.frameLocator("#guide").getByRole("heading", { level: 1 })).toHaveCount(0);
    const first = block.getByRole("listitem").first().getByRole("link");
    const href = await first.getAttribute("href");
    await first.click();
    await expect(page).toHaveURL(href!);
  } finally {
    school.close();
  }
});

test("each age group's guides, and all of them, as Atom feeds a feed reader can read", async ({
  request,
}) => {
  const all = await request.get("/guides/feed.xml");
  expect(all.status()).toBe(200);
  expect(all.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(parseFeed(await all.text()).items).toHaveLength(AGE_GROUPS.length * GUIDE_KINDS.length);
  for (const group of AGE_GROUPS) {
    const feed = parseFeed(await (await request.get(`/guides/${group.slug}/feed.xml`)).text());
    expect(feed.items).toHaveLength(GUIDE_KINDS.length);
    expect(feed.items.every((item) => item.url?.includes(`/guides/${group.slug}/`))).toBe(true);
  }
  expect((await request.get("/guides/9-11/feed.xml")).status()).toBe(404);
});

test("/schools shows the code to paste and the feed for each age group, with a live preview", async ({
  page,
  baseURL,
}) => {
  await page.goto("/schools");
  const section = page.getByRole("region", { name: "Ages 8 to 10" });
  await section.getByText("Show the link, QR code, letter home and newsletter text").click();
  await expect(section.locator("pre").filter({ hasText: "<iframe" })).toContainText(
    `src="${baseURL}/embed/8-10"`,
  );
  await expect(section.getByText(`${baseURL}/guides/8-10/feed.xml`)).toBeVisible();
  await section.getByText("Preview").click();
  await expect(
    section
      .frameLocator("iframe")
      .getByRole("heading", { name: "Talking about staying safe online: ages 8 to 10" }),
  ).toBeVisible();
});
