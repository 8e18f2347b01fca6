// Every form in the app, posted as a browser without JavaScript posts it (the form as the HTML gives
// it: its hidden action fields, its inputs as they are), answers within a few seconds, against the
// production build. A form whose post never answered spun a core for good (probe N1: "Invite a
// colleague"), so each submission here must be answered, with a page, in bounded time.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { emailActionToken } from "@/lib/email/email-actions";
import { listOutbox } from "@/lib/email/outbox";
import { signLink } from "@/lib/server/signed-links";
import { signSchoolChoice } from "@/lib/accounts/remind-request";
import { expect, test } from "./fixtures";
import { ownAddresses, query, uniqueEmail } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const secret = () => readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
const ownAddress = ownAddresses(77);
/** The longest any post may take to be answered, on a loaded 2-core machine. */
const ANSWER_WITHIN_MS = 5_000;

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 10_000 });

async function noScriptContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: ownAddress() });
}

/** Signs in through the outbox without JavaScript; returns the context, signed in as `email`. */
async function signedIn(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const context = await noScriptContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email);
  await page.goto(message!.links[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.close();
  return context;
}

/**
 * Submits each form of the page at `path` in turn, from a fresh load, by its submit button, and
 * expects a page back within ANSWER_WITHIN_MS. Returns how many forms were posted. Forms named in
 * `last` (by their button's text) go after the others: they end the session or the page.
 */
async function postEveryForm(page: Page, path: string, last: RegExp[] = []): Promise<string[]> {
  await page.goto(path);
  const forms = page.locator("main form");
  const labels = (await forms.evaluateAll((all) =>
    all.map(
      (form) =>
        (form.querySelector("button, input[type=submit]") as HTMLElement | null)?.textContent?.trim() ?? "",
    ),
  )) as string[];
  // Ordinary forms first, then those in `last`, in the order `last` names them.
  const rank = (label: string) => last.findIndex((re) => re.test(label));
  const order = labels
    .map((label, index) => ({ label, index }))
    .sort((a, b) => rank(a.label) - rank(b.label));
  const posted: string[] = [];
  for (const { label, index } of order) {
    await page.goto(path);
    // Found again by its button's words: an earlier post may have added or removed forms before it.
    const form = label
      ? forms.filter({ has: page.locator("button, input[type=submit]", { hasText: label }) }).first()
      : forms.nth(index);
    if ((await form.count()) === 0) continue; // an earlier post removed it (a child, an invitation)
    // A form inside a closed <details> (e.g. "Use another email address") is opened as a person would.
    const details = form.locator("xpath=ancestor::details[1]");
    if ((await details.count()) && (await details.getAttribute("open")) === null)
      await details.locator("summary").first().click();
    const button = form.locator("button, input[type=submit]").first();
    const method = ((await form.getAttribute("method")) ?? "get").toUpperCase();
    const started = Date.now();
    // The page that ends the post: its answer, or the page a redirect after it leads to.
    const answered = page.waitForResponse(
      (response) =>
        response.request().isNavigationRequest() &&
        response.request().frame() === page.mainFrame() &&
        (response.status() < 300 || response.status() >= 400),
      { timeout: ANSWER_WITHIN_MS },
    );
    const loaded = page.waitForEvent("load", { timeout: ANSWER_WITHIN_MS }).catch(() => null);
    await button.click({ timeout: ANSWER_WITHIN_MS, noWaitAfter: true });
    const response = await answered.catch(() => null);
    await loaded;
    expect(response, `${path}: "${label}" (${method}) answered within ${ANSWER_WITHIN_MS} ms`).not.toBeNull();
    expect(response!.status(), `${path}: "${label}"`).toBeLessThan(500);
    posted.push(`${label} (${Date.now() - started} ms)`);
  }
  return posted;
}

test("every form a visitor without an account sees answers a post without JavaScript", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await noScriptContext(browser, baseURL!);
  const page = await context.newPage();
  const [school] = await query<{ code: string }>(`SELECT code FROM "School" LIMIT 1`);
  // A sign-in link not yet used (a used one's page has no form: it says so and links onwards).
  const email = uniqueEmail("confirm");
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const link = new URL((await listOutbox(dataDir)).find((m) => m.to === email)!.links[0]!);
  const paths = [
    "/signin",
    "/remind",
    "/remind/8-10",
    `/s/${school?.code ?? "ZZZZZZ"}/8-10`,
    "/schools/register",
    "/guides",
    "/search?q=live",
    "/schools/letter/8-10",
    `${link.pathname}${link.search}`,
  ];
  let posted = 0;
  for (const path of paths) posted += (await postEveryForm(page, path)).length;
  expect(posted).toBeGreaterThanOrEqual(paths.length);
  await context.close();
});

test("every form of a signed-in parent and a school's contact answers a post without JavaScript", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("forms");
  const context = await signedIn(browser, baseURL!, email);
  const page = await context.newPage();

  // A school of their own, a child through its link (with the school's choice), and a plan.
  await page.goto("/schools/register");
  await page.getByLabel("School name").fill(`Forms Primary ${randomBytes(2).toString("hex")}`);
  await page.getByRole("button", { name: "Register the school" }).click();
  await expect(page).toHaveURL(/\/school\/[A-Z0-9]{6}$/);
  const code = /\/school\/([A-Z0-9]{6})$/.exec(page.url())![1]!;
  await page.goto(`/s/${code}/8-10`);
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  const [child] = await query<{ id: string; planId: string }>(
    `SELECT c.id, p.id AS "planId" FROM "Child" c JOIN "User" u ON u.id = c."userId"
     JOIN "CheckInPlan" p ON p."childId" = c.id WHERE u.email = $1`,
    [email],
  );
  const [delivery] = await query<{ id: string }>(
    `INSERT INTO "Delivery" (id, "planId", month, "dueAt", "updatedAt") VALUES ($1, $2, $3, now(), now()) RETURNING id`,
    [`forms${randomBytes(8).toString("hex")}`, child!.planId, new Date().toISOString().slice(0, 7)],
  );
  const key = secret();
  const emailPages = [
    `/checkin/${signLink(key, "checkin", child!.id, { topic: "online-games", ttlMs: 600_000 })}`,
    `/reminders/pause/${emailActionToken(key, "pause", child!.planId)}`,
    `/reminders/skip/${emailActionToken(key, "skip", delivery!.id)}`,
    `/unsubscribe/${emailActionToken(key, "unsubscribe", child!.planId)}`,
  ];
  // The email-change and invitation links' pages, which need an email to exist.
  await page.goto("/account");
  await page.getByText("Use another email address").click();
  const other = uniqueEmail("forms-new");
  await page.getByLabel("New email address").fill(other);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  const invited = uniqueEmail("forms-invited");
  await page.goto(`/school/${code}`);
  await page.getByLabel("Their email address").fill(invited);
  await page.getByRole("button", { name: "Send an invitation" }).click();
  await expect(page.getByRole("status")).toContainText(invited);
  // A second invitation stays waiting, so that its "Cancel" form is there to post.
  await page.getByLabel("Their email address").fill(uniqueEmail("forms-waiting"));
  await page.getByRole("button", { name: "Send an invitation" }).click();
  const outbox = await listOutbox(dataDir);
  const linkPages = [other, invited].map((to) => {
    const message = outbox.find((m) => m.to === to);
    expect(message, `an email to ${to}`).toBeTruthy();
    return new URL(message!.links[0]!).pathname;
  });
  const signedInPages = [
    `/remind/ready?child=${child!.id}&c=${signSchoolChoice(key, child!.id, code)}`,
    `/school/${code}`,
    "/account/data",
    "/account",
  ];
  const posted: string[] = [];
  for (const path of [...emailPages, ...linkPages, ...signedInPages])
    posted.push(...(await postEveryForm(page, path, [/Delete/i, /Remove/i, /Leave/i, /Sign out/i])));
  console.log(`posted ${posted.length} forms without JavaScript: ${posted.join("; ")}`);
  for (const expected of [
    "Send an invitation",
    "Cancel",
    "Delete the school",
    "Delete my account",
    "Sign out",
  ])
    expect(
      posted.some((label) => label.startsWith(expected)),
      expected,
    ).toBe(true);
  expect(posted.length).toBeGreaterThanOrEqual(15);
  await context.close();
});
