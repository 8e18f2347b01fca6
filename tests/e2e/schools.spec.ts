import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { ageAliases, contractUrls, MOVED } from "@/lib/schools/url-contract";
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
  for (const group of AGE_GROUPS) {
    const section = page.getByRole("region", { name: `Ages ${group.from} to ${group.to}` });
    await expect(section.locator("code")).toHaveText(new RegExp(`/guides/${group.slug}$`));
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
