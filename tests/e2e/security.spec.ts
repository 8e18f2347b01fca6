// Safe by default, on the production server (`npm start` with no SMTP_URL): the outbox is for this
// machine only, a sign-in link survives mail scanners, the sign-in limit sees the real client, and a
// made-up URL costs nothing on disk.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { listOutbox } from "@/lib/email/outbox";
import { SIGN_IN_PER_IP } from "@/lib/auth/sign-in-limits";
import { expect, test } from "./fixtures";
import { query, signInAs, cspViolations } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const unique = () => `parent-${randomBytes(4).toString("hex")}@example.org`;
const randomClient = () => `10.${50 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}.1`;

test.use({ extraHTTPHeaders: { "X-Forwarded-For": randomClient() } });

/** A new parent asks for a sign-in link on /signin: their address, and the email's links (the full one first). */
async function askForLink(
  page: import("@playwright/test").Page,
): Promise<{ email: string; link: string; links: string[] }> {
  const email = unique();
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email);
  return { email, link: message!.links[0]!, links: message!.links };
}

test("a sign-in link opened by a mail scanner (GET, HEAD) changes nothing; its button signs in", async ({
  page,
  request,
}) => {
  const { email, link } = await askForLink(page);
  for (let i = 0; i < 2; i += 1) {
    const opened = await request.get(link, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    expect(opened.headers()["location"]).toContain("/signin/confirm?");
    expect((await request.head(link, { maxRedirects: 0 })).status()).toBe(303);
    expect((await request.get(opened.headers()["location"]!)).status()).toBe(200);
  }
  const sessions = `SELECT count(*)::int AS n FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`;
  expect((await query<{ n: number }>(sessions, [email]))[0]?.n ?? 0).toBe(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Talk Often");
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect((await query<{ n: number }>(sessions, [email]))[0]!.n).toBe(1);

  // Once only: the button's POST again signs nobody in.
  const { pathname, search } = new URL(link);
  const again = await request.post(`${pathname}${search}`, {
    headers: { Origin: new URL(link).origin },
    maxRedirects: 0,
  });
  expect(again.headers()["location"]).toContain("/signin/error?error=Verification");
  expect(again.headers()["set-cookie"] ?? "").not.toContain("session-token");
  expect((await query<{ n: number }>(sessions, [email]))[0]!.n).toBe(1);
});

test("a sign-in link cannot be posted from another site (signing a visitor into someone else's account)", async ({
  page,
  request,
}) => {
  const { link } = await askForLink(page);
  const confirm = new URL(link);
  const response = await request.post(`${confirm.pathname}${confirm.search}`, {
    headers: { Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
});

test("the outbox answers only this machine: not a rebound host name, not through a proxy", async ({
  playwright,
  baseURL,
}) => {
  // Not the file's X-Forwarded-For: a request straight from this machine, as a developer's browser.
  const direct = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  // In production the outbox also wants its key (school-channel.spec.ts): with it, still this machine only.
  const outbox = `/dev/outbox?key=${encodeURIComponent(readFileSync(path.join(dataDir, "outbox-key"), "utf8").trim())}`;
  expect((await direct.get(outbox)).status()).toBe(200);
  expect((await direct.get(outbox, { headers: { Host: "attacker.example" } })).status()).toBe(404);
  const viaProxy = await direct.get(outbox, { headers: { "X-Forwarded-For": "203.0.113.9" } });
  expect(viaProxy.status()).toBe(404);
  expect(await viaProxy.text()).not.toContain("@example.org");
  // A client cannot claim to be local.
  const claimed = await direct.get(outbox, {
    headers: { Host: "attacker.example", "X-Talk-Often-Local": "1", "X-Talk-Often-Peer": "127.0.0.1" },
  });
  expect(claimed.status()).toBe(404);
  await direct.dispose();
});

test("the per-client limit counts the proxy's entry, so spoofed entries before it do not help", async ({
  playwright,
  baseURL,
}) => {
  const client = randomClient();
  const outcomes: boolean[] = [];
  for (let i = 0; i <= SIGN_IN_PER_IP.max; i += 1) {
    // What the client wrote itself sits left of what the proxy appended (the real address).
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "X-Forwarded-For": `192.0.2.${i}, ${client}` },
    });
    const page = await context.get("/signin");
    const fields = hiddenFields(await page.text());
    const response = await context.post("/signin", {
      headers: { Origin: new URL(baseURL!).origin },
      multipart: Object.fromEntries([...fields, ["email", unique()]]),
      maxRedirects: 0,
    });
    outcomes.push(!(await response.text()).includes("from this network"));
    await context.dispose();
  }
  expect(outcomes.filter(Boolean)).toHaveLength(SIGN_IN_PER_IP.max);
  expect(outcomes.at(-1)).toBe(false);
});

test("pages rendered per request run their scripts by nonce, with no 'unsafe-inline' for scripts", async ({
  page,
}) => {
  const violations = cspViolations(page);
  await signInAs(page, unique(), { checkAccessibility: false });
  const response = await page.goto("/account");
  const policy = response!.headers()["content-security-policy"]!;
  const scripts = /script-src ([^;]+)/.exec(policy)![1]!;
  expect(scripts).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;
  const html = await response!.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // A fresh nonce on every response.
  const again = await page.goto("/account");
  expect(again!.headers()["content-security-policy"]).not.toContain(nonce);
  // The page's own scripts ran: the time zone field is filled in by the browser.
  await expect(page.getByRole("region", { name: "Add a child" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
  // Prerendered pages keep the policy they had.
  const guide = await page.goto("/guides/8-10/live-streaming");
  expect(guide!.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
});

test("pages for benchmarks and development are not served in production", async ({ request }) => {
  expect((await request.get("/bare")).status()).toBe(404);
});

/** The hidden inputs of a page's forms (a server action's id and bound arguments), as name and value. */
function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    ([, name, value]) => [name!, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")],
  );
}

/** Every file under the build's folder, where Next.js would write pages it caches, with its size. */
function cacheFootprint(dir = path.resolve(".next")): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), statSync(file).size);
  }
  return files;
}

test("1,000 unknown guide URLs are 404s that leave the build's folder as it was", async ({ request }) => {
  test.setTimeout(120_000);
  const before = cacheFootprint();
  const ages = ["8-10", "4-7", "99-100", "x"];
  for (let i = 0; i < 1000; i += 10) {
    const batch = Array.from({ length: 10 }, (_, j) =>
      request.get(
        `/guides/${ages[(i + j) % ages.length]}/made-up-${i + j}-${randomBytes(3).toString("hex")}`,
      ),
    );
    for (const response of await Promise.all(batch)) expect(response.status()).toBe(404);
  }
  const after = cacheFootprint();
  const added = [...after.keys()].filter((file) => !before.has(file));
  expect(added).toEqual([]);
  expect([...after.values()].reduce((a, b) => a + b, 0)).toBe(
    [...before.values()].reduce((a, b) => a + b, 0),
  );
});

test("the short link in a sign-in email opens the same page as the full one, and an unknown one is a 404", async ({
  page,
  request,
}) => {
  const { link: full, links } = await askForLink(page);
  const short = links.find((link) => /\/l\/[A-Za-z0-9_-]{16}$/.test(link))!;
  expect(short.length).toBeLessThan(60);
  const opened = await request.get(short, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["location"]).toBe(`${new URL(full).origin}/signin/confirm${new URL(full).search}`);
  expect(opened.headers()["cache-control"]).toContain("no-store");
  expect((await request.get("/l/AAAAAAAAAAAAAAAA", { maxRedirects: 0 })).status()).toBe(404);
  // Opening it used nothing up: the button on the page it leads to still signs in.
  await page.goto(short);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});
