// A parents' evening: sixty families in the school hall, all behind the school's one Wi-Fi address,
// scan the letter's QR code (the school's link) and ask for the monthly check-in within a minute.
// Every one gets the email and confirms. The same address without a school's link, or someone
// hammering one inbox, is stopped, and the refusal is announced, focused and on a phone's screen
// (a field's error on a phone: phone.spec.ts).
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_IP } from "@/lib/auth/sign-in-limits";
import { newSchoolCode } from "@/lib/schools/school-code";
import { expect, test } from "./fixtures";
import { query } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const FAMILIES = 60;
// The hall's one address, its own for this run (a /24 of its own, so no other test shares a limit).
const HALL = `10.60.${Math.floor(Math.random() * 250)}.7`;
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

type RemindForm = { action: string; fields: [string, string][] };

/** The /remind form on `path` as a browser sends it: where it posts, and its fields (action ids, defaults, the school's code). */
async function remindForm(request: APIRequestContext, path: string): Promise<RemindForm> {
  const html = await (await request.get(path)).text();
  const [tag, inner] = [...html.matchAll(/(<form[^>]*>)([\s\S]*?)<\/form>/g)]
    .map((match) => [match[1]!, match[2]!] as const)
    .find(([, inner]) => inner.includes('name="address"'))!;
  const unescape = (text: string) => text.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const fields: [string, string][] = [];
  for (const [control] of inner.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(control)?.[1];
    if (!name) continue;
    const type = /\btype="([^"]+)"/.exec(control)?.[1] ?? "text";
    const ticked = type === "radio" || type === "checkbox";
    if (ticked && !/\bchecked=""/.test(control)) continue;
    fields.push([name, unescape(/\bvalue="([^"]*)"/.exec(control)?.[1] ?? (ticked ? "on" : ""))]);
  }
  // A select sends its selected option.
  for (const [, name, options] of inner.matchAll(
    /<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const selected = /<option\b[^>]*value="([^"]*)"[^>]*selected=""/.exec(options!)?.[1];
    const index = fields.findIndex(([field]) => field === name);
    if (selected !== undefined && index >= 0) fields[index] = [name!, unescape(selected)];
  }
  return { action: unescape(/\baction="([^"]+)"/.exec(tag)![1]!), fields };
}

/** Posts the form as a browser without JavaScript would, with `address` typed in. */
async function ask(request: APIRequestContext, form: RemindForm, address: string) {
  return request.post(form.action, {
    multipart: Object.fromEntries([
      ...form.fields.filter(([name]) => name !== "address"),
      ["address", address],
    ]),
    maxRedirects: 0,
  });
}

test("sixty families on one Wi-Fi address, through the school's link, all get their email within a minute and confirm", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const code = newSchoolCode();
  const [school] = await query<{ id: string }>(
    `INSERT INTO "School" (id, code, name) VALUES ($1, $2, $3) RETURNING id`,
    [`hall${randomBytes(8).toString("hex")}`, code, "Hall Green Primary"],
  );
  const hall = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": HALL, Origin: new URL(baseURL!).origin },
  });
  const path = `/s/${code}/8-10`;
  const form = await remindForm(hall, path);
  expect(form.fields.find(([name]) => name === "school")?.[1]).toBe(code);
  const families = Array.from(
    { length: FAMILIES },
    (_, i) => `hall-${i}-${randomBytes(3).toString("hex")}@example.org`,
  );

  const started = Date.now();
  // Everyone at once, a few phones at a time on the hall's Wi-Fi.
  const answers: number[] = [];
  for (let i = 0; i < FAMILIES; i += 6)
    answers.push(
      ...(await Promise.all(
        families.slice(i, i + 6).map(async (email) => {
          const response = await ask(hall, form, email);
          const answer = `${response.status()} ${(await response.text()).slice(0, 300)}`;
          expect(
            response.headers()["location"] ?? "",
            `${email} was sent on to "Check your email" (${answer})`,
          ).toContain("/remind/check-email");
          return response.status();
        }),
      )),
    );
  expect(answers.every((status) => status === 303)).toBe(true);
  let emails = new Map<string, string>();
  while (emails.size < FAMILIES && Date.now() - started < 60_000) {
    const outbox = await listOutbox(dataDir);
    emails = new Map(
      outbox
        .filter((m) => families.includes(m.to) && m.subject === "Confirm your monthly check-in")
        .map((m) => [m.to, m.links[0]!]),
    );
    if (emails.size < FAMILIES) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `parents' evening: ${emails.size} of ${FAMILIES} confirmation emails in ${seconds.toFixed(1)} s`,
  );
  expect(emails.size).toBe(FAMILIES);
  expect(seconds).toBeLessThan(60);

  // Each family presses the email's button (on its own phone: a context of its own, the hall's address).
  for (const [email, link] of emails) {
    const phone = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "X-Forwarded-For": HALL },
    });
    const page = await (await phone.get(link)).text();
    const action = /<form\b[^>]*\baction="(\/api\/auth\/callback\/email[^"]+)"/
      .exec(page)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(
      action,
      `${email}'s link opens its confirmation: ${/<h1[^>]*>(.*?)<\/h1>/.exec(page)?.[1]} ${link}`,
    ).toBeTruthy();
    const confirmed = await phone.post(action!, {
      headers: { Origin: new URL(baseURL!).origin },
      maxRedirects: 0,
    });
    expect(confirmed.headers()["location"] ?? "", email).toContain("/remind/ready");
    await phone.dispose();
  }
  const made = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Child" c JOIN "User" u ON u.id = c."userId" WHERE u.email = ANY($1)`,
    [families],
  );
  expect(made[0]!.n).toBe(FAMILIES);
  const counted = await query<{ n: number }>(
    `SELECT coalesce(sum(count), 0)::int AS n FROM "SchoolSignUps" WHERE "schoolId" = $1`,
    [school!.id],
  );
  expect(counted[0]!.n).toBe(FAMILIES);
  await hall.dispose();
});

test("the same address without a school's link is stopped after 30, and the phone shows why, focused", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const cafe = `10.61.${Math.floor(Math.random() * 250)}.9`;
  const request = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": cafe, Origin: new URL(baseURL!).origin },
  });
  const form = await remindForm(request, "/remind/8-10");
  for (let i = 0; i < SIGN_IN_PER_IP.max; i += 1) {
    const response = await ask(request, form, `cafe-${i}-${randomBytes(3).toString("hex")}@example.org`);
    expect(response.status(), `request ${i + 1}`).toBe(303);
  }
  await request.dispose();

  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    extraHTTPHeaders: { "X-Forwarded-For": cafe },
  });
  const page = await context.newPage();
  await page.goto("/remind/8-10");
  await page.getByLabel("Your email address").fill(`cafe-last-${randomBytes(3).toString("hex")}@example.org`);
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  const alert = page.locator("form [role=alert]");
  await expect(alert).toContainText("Too many emails have been asked for from this network");
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await context.close();
});

test("one inbox hammered from ever new addresses gets 3 emails, and the 4th asker is told why, on screen", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const victim = `victim-${randomBytes(4).toString("hex")}@example.org`;
  for (let i = 0; i <= SIGN_IN_PER_ADDRESS.max; i += 1) {
    const context = await browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      // Each try from another range, so that only the inbox's own limit can stop it.
      extraHTTPHeaders: { "X-Forwarded-For": `10.62.${i}.${Math.floor(Math.random() * 250)}` },
    });
    const page = await context.newPage();
    await page.goto("/remind/11-13");
    await page.getByLabel("Your email address").fill(victim);
    await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
    if (i < SIGN_IN_PER_ADDRESS.max) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    } else {
      const alert = page.locator("form [role=alert]");
      await expect(alert).toContainText("We have already sent several emails to this address");
      await expect(alert).toBeFocused();
      await expect(alert).toBeInViewport();
    }
    await context.close();
  }
  const sent = (await listOutbox(dataDir)).filter((m) => m.to === victim);
  expect(sent).toHaveLength(SIGN_IN_PER_ADDRESS.max);
});
