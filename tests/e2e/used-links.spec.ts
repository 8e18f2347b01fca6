// Every link in our emails, used twice, pressed after Back, or opened late, through the front proxy
// (Debian's nginx) under a real host name (talkoften.test, which the browser maps to this machine):
// each lands on a page of that host that says what happened and offers the next step, and the app
// logs no stack trace for any of it.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { signLink } from "@/lib/server/signed-links";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { expect as baseExpect, test } from "./fixtures";
import { cspViolations, query, uniqueEmail } from "./helpers";
import { startAppServer, startFrontProxy, type FrontProxy } from "../helpers/front-proxy";

const dataDir = process.env.E2E_DATA_DIR!;
const HOST = "talkoften.test";
const secret = () => readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();

test.describe.configure({ mode: "serial" });
// Another file may be loading the machine (the parents' evening posts 60 forms): allow for a slow answer.
test.use({ actionTimeout: 20_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

let proxy: FrontProxy;
let app: Awaited<ReturnType<typeof startAppServer>>;
let browser: Browser;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const appPort = await freePort();
  proxy = await startFrontProxy({ appPorts: [appPort], serverName: HOST });
  origin = proxy.httpsOrigin;
  const database = await startEmbeddedPostgres({ dataDir }); // the e2e server's
  app = await startAppServer({
    port: appPort,
    env: {
      APP_URL: origin,
      AUTH_URL: `${origin}/api/auth`,
      AUTH_SECRET: secret(),
      DATABASE_URL: database.url(),
      DATA_DIR: dataDir,
      TRUSTED_PROXIES: "1",
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await proxy?.stop();
});

async function visitor(): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  const context = await browser.newContext({ baseURL: origin, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  return { context, page, blocked: cspViolations(page) };
}

/** The newest email to `email` with `subject`, and its first link (which must be on the public host). */
async function linkIn(email: string, subject: string): Promise<string> {
  const newest = async () =>
    (await listOutbox(dataDir)).filter((m) => m.to === email && m.subject === subject).at(-1);
  await expect.poll(newest, { message: `an email "${subject}" to ${email}` }).toBeTruthy();
  const message = await newest();
  const link = message!.links[0]!;
  expect(new URL(link).origin).toBe(origin);
  return link;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

const SIGN_IN = { button: "Email me a sign-in link", subject: "Your sign-in link for Talk Often" };
const REMIND = { button: "Send me the monthly reminder", subject: "Confirm your monthly check-in" };

/**
 * Asks for an email to `email` with the form's `button` (on the page at `from`, or on the page as it is),
 * expects "Check your email", and returns the link in the email named `subject`.
 */
async function askForLink(
  page: Page,
  email: string,
  { button, subject }: { button: string; subject: string },
  from?: string,
): Promise<string> {
  if (from) await page.goto(from);
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: button }).click();
  await expect(heading(page)).toHaveText("Check your email");
  return linkIn(email, subject);
}

/** Goes Back to the link's page and presses its button if the browser kept the old page. */
async function backAndPress(page: Page, button: string): Promise<void> {
  await page.goBack();
  const stale = page.getByRole("button", { name: button });
  if (await stale.isVisible()) await stale.click();
}

test("a sign-in link: used, pressed again in another tab, after Back, opened again, and late", async () => {
  const { context, page, blocked } = await visitor();
  const link = await askForLink(page, uniqueEmail("used-signin"), SIGN_IN, "/signin");

  // Two tabs open the link (a parent taps it twice); the first signs in.
  const second = await context.newPage();
  await second.goto(link);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/account`);
  // The second tab's button, pressed now: a page on this host that says so, not a dead end.
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(heading(second)).toHaveText("You are already signed in");
  expect(new URL(second.url()).origin).toBe(origin);
  await second.getByRole("link", { name: "Go to your account" }).click();
  await expect(second).toHaveURL(`${origin}/account`);

  // Back to the link's page, and its button pressed again.
  await backAndPress(page, "Sign in");
  await expect(heading(page)).toHaveText("You are already signed in");
  // Opened again from the email.
  await page.goto(link);
  await expect(heading(page)).toHaveText("You are already signed in");

  // In a browser that is not signed in: used, and what to do next.
  const other = await visitor();
  await other.page.goto(link);
  await expect(heading(other.page)).toHaveText("This link has been used or has expired");
  await other.page.getByRole("link", { name: "Ask for a new sign-in link" }).click();
  await expect(other.page).toHaveURL(`${origin}/signin`);

  // Late: a link past its 24 hours says the same, and nothing is pressed to find out.
  const late = uniqueEmail("late-signin");
  const lateLink = await askForLink(other.page, late, SIGN_IN);
  await query(`UPDATE "VerificationToken" SET expires = now() - interval '1 minute' WHERE identifier = $1`, [
    late,
  ]);
  await other.page.goto(lateLink);
  await expect(heading(other.page)).toHaveText("This link has been used or has expired");
  await expect(other.page.getByRole("button", { name: "Sign in" })).toHaveCount(0);

  expect([...blocked, ...other.blocked]).toEqual([]);
  await other.context.close();
  await context.close();
});

test("a monthly check-in's confirmation: after Back and opened again, it says the check-in is set up", async () => {
  const { context, page, blocked } = await visitor();
  const email = uniqueEmail("used-remind");
  const link = await askForLink(page, email, REMIND, "/remind/8-10");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my monthly check-in" }).click();
  await expect(heading(page)).toHaveText("Your monthly check-in is set up");

  await backAndPress(page, "Confirm my monthly check-in");
  await expect(heading(page)).toHaveText("You are already signed in");
  await page.goto(link);
  await expect(heading(page)).toHaveText("You are already signed in");
  await expect(page.getByText("the monthly check-in you confirmed is on your account")).toBeVisible();
  const children = await query(
    `SELECT 1 FROM "Child" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [email],
  );
  expect(children).toHaveLength(1);

  // Pressed from an old copy of the page in a browser that is not signed in.
  const other = await visitor();
  await other.page.goto(link);
  await expect(heading(other.page)).toHaveText("This link has been used or has expired");
  await expect(other.page.getByText("If you already confirmed a monthly check-in with it")).toBeVisible();
  expect([...blocked, ...other.blocked]).toEqual([]);
  await other.context.close();
  await context.close();
});

test("an email change, a school invitation and a 'We talked' link, each used twice", async () => {
  test.setTimeout(90_000);
  const { context, page, blocked } = await visitor();
  await page.goto(await askForLink(page, uniqueEmail("used-head"), SIGN_IN, "/schools/register"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/schools/register`);
  await page.getByLabel("School name").fill(`Used Links Primary ${randomBytes(2).toString("hex")}`);
  await page.getByRole("button", { name: "Register the school" }).click();
  await expect(page).toHaveURL(/\/school\/[A-Z0-9]{6}$/);

  // The invitation: joined once; opened again, it says it was used and where the school is.
  const colleague = uniqueEmail("used-deputy");
  await page.getByLabel("Their email address").fill(colleague);
  await page.getByRole("button", { name: "Send an invitation" }).click();
  await expect(page.getByText(`We have emailed an invitation to ${colleague}.`)).toBeVisible();
  const deputy = await visitor();
  const invitation = await linkIn(colleague, "You have been invited to see a school's numbers on Talk Often");
  await deputy.page.goto(invitation);
  await deputy.page.getByRole("button", { name: /^Join / }).click();
  await expect(heading(deputy.page)).toHaveText("You are a contact for the school");
  await backAndPress(deputy.page, "Join");
  await expect(heading(deputy.page)).toHaveText("This invitation has been used or no longer works");
  await deputy.page.goto(invitation);
  await expect(heading(deputy.page)).toHaveText("This invitation has been used or no longer works");
  await expect(deputy.page.getByRole("link", { name: "your account" })).toBeVisible();

  // The email change: confirmed once; opened again or after Back, it says it is done.
  const moved = uniqueEmail("used-moved");
  await page.goto("/account");
  await page.getByText("Use another email address").click();
  await page.getByLabel("New email address").fill(moved);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  const change = await linkIn(moved, "Confirm your new email address for Talk Often");
  await page.goto(change);
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(heading(page)).toHaveText(`Your email address is now ${moved}`);
  await backAndPress(page, "Use this address");
  await expect(heading(page)).toHaveText(`Your email address is now ${moved}`);
  await page.goto(change);
  await expect(heading(page)).toHaveText(`Your email address is now ${moved}`);
  await expect(page.getByRole("button", { name: "Use this address" })).toHaveCount(0);

  // A "We talked" link: logged once; its page left open in another tab and pressed after, it says it
  // is logged; after Back (the answer comes at the same address, so Back may leave it) the same.
  await page.goto("/remind/4-7");
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(heading(page)).toHaveText("Your monthly check-in is set up");
  const [child] = await query<{ id: string }>(
    `SELECT c.id FROM "Child" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [moved],
  );
  const talked = `${origin}/checkin/${signLink(secret(), "checkin", child!.id, { topic: "online-games", ttlMs: 600_000 })}`;
  const stale = await context.newPage();
  await stale.goto(talked);
  await expect(heading(stale)).toHaveText(/^Did you talk with/);
  await page.goto(talked);
  await page.getByRole("button", { name: "Yes, we talked" }).click();
  await expect(heading(page)).toHaveText("Thank you, that's logged");
  await stale.getByRole("button", { name: "Yes, we talked" }).click();
  await expect(heading(stale)).toHaveText("Thank you, that's logged");
  await stale.close();
  await backAndPress(page, "Yes, we talked");
  if (page.url() === talked) await expect(heading(page)).toHaveText("Thank you, that's logged");
  await page.goto(talked);
  await expect(heading(page)).toHaveText("Thank you, that's logged");
  expect(await query(`SELECT 1 FROM "CheckIn" WHERE "childId" = $1`, [child!.id])).toHaveLength(1);

  expect([...blocked, ...deputy.blocked]).toEqual([]);
  await deputy.context.close();
  await context.close();
});

test("the app logged no stack trace for any of these links", () => {
  const log = app.output();
  expect(log).toContain("a used or expired sign-in link was pressed");
  expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // a stack trace as text
  expect(log).not.toMatch(/\\n\s+at /); // or inside a JSON line
});
