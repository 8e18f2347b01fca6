// Every page is valid HTML: the W3C Nu validator (vnu-jar, run on this machine's Java) checks the
// pages the production server sends, public and signed in, and finds 0 errors.
import { randomBytes } from "node:crypto";
import { contractUrls } from "@/lib/guides/url-contract";
import { expect, test } from "./fixtures";
import { addChild, expectValidHtml, signInAs } from "./helpers";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.1` } });

test("every page is valid HTML (W3C Nu validator, 0 errors)", async ({ page }) => {
  test.setTimeout(120_000);
  const pages = new Map<string, string>();
  // The DOM as the browser holds it after a form's answer. React puts the scripts it loads then at the
  // head's start, before the charset (which the served page has first: fetchHtml checks that), so the
  // charset goes back first here.
  const save = async (name: string) => {
    const dom = (await page.content()).replace(/<meta charset="utf-8">/i, "");
    pages.set(name, dom.replace(/<head([^>]*)>/i, '<head$1><meta charset="utf-8">'));
  };
  const fetchHtml = async (url: string) => pages.set(url, await (await page.request.get(url)).text());

  // As served (not as the browser's DOM later becomes): the public pages and the sign-in pages.
  for (const { path: url } of contractUrls()) await fetchHtml(url);
  for (const url of ["/signin", "/signin/check-email", "/no-such-page", "/reminders/pause/not-a-token"]) {
    await fetchHtml(url);
  }
  // Search with the crisis help first: without an age (a link per age), and with one (its steps).
  for (const query of ["my son is being blackmailed", "my 15 year old is being blackmailed"])
    await fetchHtml(`/search?q=${encodeURIComponent(query)}`);
  // Signed in: the account page with a child, a plan and an error shown, and the data page.
  const email = `vnu-${randomBytes(4).toString("hex")}@example.org`;
  await signInAs(page, email, { checkAccessibility: false });
  await fetchHtml("/account");
  await addChild(page, "V", "11-13");
  const add = page.getByRole("region", { name: "Add a child" });
  const child = page.getByRole("region", { name: "V", exact: true });
  await child.getByRole("button", { name: "Save check-in plan" }).click();
  await expect(child.getByTestId("next-check-in")).toContainText("19:00");
  await fetchHtml("/account");
  await add.getByRole("button", { name: "Add child" }).click();
  await expect(add.getByRole("alert")).toContainText("Choose an age group.");
  await save("/account (after a form error)");
  await fetchHtml("/account/add-child");
  await fetchHtml("/account/data");
  await fetchHtml("/account/talked?topic=live-streaming");

  expect(pages.size).toBeGreaterThan(35);
  await expectValidHtml(pages);
});
