// The school channel and the /remind way in under attack, as the outside probe of 2026-12-05 tried
// them (shared/reviews/security-probe-2026-12-05.md): each test replays a finding against the
// production build and shows it no longer holds.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { expect, test } from "./fixtures";
import { cspViolations, ownAddresses, query, signInAs, uniqueEmail } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const ownAddress = ownAddresses(88);

test.use({ extraHTTPHeaders: ownAddress() });

async function newVisitor(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders: ownAddress() });
  return { context, page: await context.newPage() };
}

async function childrenOf(email: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Child" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [email],
  );
  return row?.n ?? 0;
}

async function registerSchool(page: Page, name: string): Promise<string> {
  await page.goto("/schools/register");
  await page.getByLabel("School name").fill(name);
  await page.getByRole("button", { name: "Register the school" }).click();
  await expect(page).toHaveURL(/\/school\/[A-Z0-9]{6}$/);
  return /\/school\/([A-Z0-9]{6})$/.exec(page.url())![1]!;
}

test("N3: asking /remind for someone else's address hands the asker no token, and opening /remind/ready makes nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // The victim is signed in in their own browser.
  const victim = uniqueEmail("victim");
  await signInAs(page, victim, { checkAccessibility: false });
  expect(await childrenOf(victim)).toBe(0);

  // The attacker registers a school, then, signed out, asks /remind for the victim's address through it.
  const attacker = await newVisitor(browser, baseURL!);
  await signInAs(attacker.page, uniqueEmail("attacker"), { checkAccessibility: false });
  const code = await registerSchool(attacker.page, `Friendly Academy ${randomBytes(2).toString("hex")}`);
  const asker = await newVisitor(browser, baseURL!, false); // a plain form post, as the probe sent it
  await asker.page.goto(`/s/${code}/14-17`);
  await asker.page.getByLabel("Your email address").fill(victim);
  await asker.page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(asker.page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  // Nothing the asker holds carries the request: not a cookie, not the page.
  const email = (await listOutbox(dataDir)).find(
    (m) => m.to === victim && m.subject === "Confirm your monthly check-in",
  )!;
  const callback = new URL(email.links[0]!).searchParams.get("callbackUrl")!;
  const token = new URL(callback, baseURL).searchParams.get("r")!;
  expect(token.length).toBeGreaterThan(40);
  for (const cookie of await asker.context.cookies())
    expect(decodeURIComponent(cookie.value), cookie.name).not.toContain(token.slice(0, 40));
  expect(await asker.page.content()).not.toContain(token.slice(0, 40));

  // Even with the token (as the probe had it), a page that sends the signed-in victim to
  // /remind/ready?r=<token> makes no child, plan or sign-up: only the email's button does.
  const [before] = await query<{ n: number }>(
    `SELECT coalesce(sum(n.count), 0)::int AS n FROM "SchoolSignUps" n JOIN "School" s ON s.id = n."schoolId" WHERE s.code = $1`,
    [code],
  );
  await page.goto(`/remind/ready?r=${encodeURIComponent(token)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't set up that check-in");
  await expect(page.getByText("Opening this page changes nothing")).toBeVisible();
  expect(await childrenOf(victim)).toBe(0);
  const [after] = await query<{ n: number }>(
    `SELECT coalesce(sum(n.count), 0)::int AS n FROM "SchoolSignUps" n JOIN "School" s ON s.id = n."schoolId" WHERE s.code = $1`,
    [code],
  );
  expect(after!.n).toBe(before!.n);

  // The victim's own press of the email's button makes it, once; the choice names the link's school.
  await page.goto(email.links[0]!);
  await page.getByRole("button", { name: "Confirm my monthly check-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  expect(await childrenOf(victim)).toBe(1);
  await expect(page.getByRole("checkbox", { name: /^Let Friendly Academy/ })).not.toBeChecked();
  // N10: the choice's form carries the school signed: another code in the address shows no choice.
  const url = new URL(page.url());
  expect(url.searchParams.get("s")).toBeNull();
  const child = url.searchParams.get("child")!;
  await page.goto(`/remind/ready?child=${child}&c=forged.token`);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  // Reopening the request changes nothing: it stays used, also after its child is removed.
  await query(`DELETE FROM "Child" WHERE id = $1`, [child]);
  await page.goto(`/remind/ready?r=${encodeURIComponent(token)}`);
  expect(await childrenOf(victim)).toBe(0);
  await attacker.context.close();
  await asker.context.close();
});

test("N4: in production the outbox wants its key, also from this machine with no forwarding header (a bare proxy)", async ({
  playwright,
  baseURL,
}) => {
  const key = readFileSync(path.join(dataDir, "outbox-key"), "utf8").trim();
  // A same-host proxy that adds no header looks exactly like this: loopback peer, loopback Host.
  const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  expect((await bare.get("/dev/outbox")).status()).toBe(404);
  expect((await bare.get(`/dev/outbox?key=${"x".repeat(key.length)}`)).status()).toBe(404);
  const opened = await bare.get(`/dev/outbox?key=${encodeURIComponent(key)}`);
  expect(opened.status()).toBe(200);
  // Its own links carry the key; a message without it is a 404.
  const message = /href="(\/dev\/outbox\/[^"?]+)\?key=/.exec(await opened.text());
  if (message) expect((await bare.get(message[1]!)).status()).toBe(404);
  await bare.dispose();
});

test("N8: an answer to Next.js's router, or a redirect, is never public to a shared cache", async ({
  request,
}) => {
  const rsc = await request.get("/guides/11-13/live-streaming", { headers: { RSC: "1" }, maxRedirects: 0 });
  expect(rsc.headers()["cache-control"]).toBe("private, no-store");
  expect(rsc.headers()["x-accel-expires"]).toBeUndefined();
  const redirect = await request.get("/guides/ages-8-10", { maxRedirects: 0 });
  expect(redirect.status()).toBeGreaterThanOrEqual(300);
  expect(redirect.headers()["cache-control"]).toBe("private, no-store");
  const page = await request.get("/guides/11-13/live-streaming");
  expect(page.headers()["cache-control"]).toContain("public");
  expect(page.headers()["vary"]).toMatch(/rsc/i);
});

test("N9: a client trying made-up school codes finds no school, and the joined page names none", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, uniqueEmail("head"), { checkAccessibility: false });
  const name = `Codeguess Primary ${randomBytes(2).toString("hex")}`;
  const code = await registerSchool(page, name);
  const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: ownAddress() });
  expect((await guesser.get(`/embed/8-10/${code}`)).status()).toBe(200);
  for (let i = 0; i < 30; i += 1)
    expect((await guesser.get(`/embed/8-10/ZZZ${String(i).padStart(3, "0")}`)).status()).toBe(404);
  expect((await guesser.get(`/embed/8-10/${code}`)).status()).toBe(404);
  expect(await (await guesser.get(`/s/${code}/8-10`)).text()).not.toContain(name);
  // The page after an invitation says nothing of a school to whoever opens it.
  const joined = await guesser.get(`/school/join/joined?s=${code}`);
  const unknown = await guesser.get(`/school/join/joined?s=ZZZZZZ`);
  expect([joined.status(), unknown.status()]).toEqual([200, 200]);
  expect(await joined.text()).not.toContain(name);
  await guesser.dispose();
});

test("L4: a post whose Origin is its Host but whose X-Forwarded-Host differs is refused with a 4xx, not a 500", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const refused = await request.post("/signin", {
    headers: { Origin: origin, "X-Forwarded-Host": "evil.test" },
    form: { email: "someone@example.org" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expect(refused.status()).toBeLessThan(500);
});

test("I1: pages that print a school's name or the URL's text run scripts by nonce, never 'unsafe-inline'", async ({
  page,
}) => {
  const violations = cspViolations(page);
  for (const path of [
    "/remind/8-10",
    "/remind",
    "/remind/check-email",
    "/schools/letter/8-10?school=St%20Anne%27s",
  ]) {
    const response = await page.goto(path);
    const scripts = /script-src ([^;]+)/.exec(response!.headers()["content-security-policy"]!)![1]!;
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).toContain("'nonce-");
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});
