// A school's reach, end to end: a member of staff registers a school, prints its letter, parents scan
// its QR code and sign up, those who tick the box are counted, and the school's page changes only when
// a monthly snapshot is published. A parent who does not tick leaves no link to the school. Then
// contacts: an invitation, a removal, and deleting the school. axe and the HTML validator on every page.
import { randomBytes } from "node:crypto";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { expectValidHtml, ownAddresses, publishSnapshotNow, query, uniqueEmail } from "./helpers";

const dataDir = process.env.E2E_DATA_DIR!;
const ownAddress = ownAddresses(12);

test.use({ extraHTTPHeaders: ownAddress() });

async function newVisitor(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: ownAddress() });
  return { context, page: await context.newPage() };
}

/** Follows the newest email to `email` (its first link) and presses the page's button. */
async function followEmail(page: Page, email: string, subject: string, button: string) {
  const message = (await listOutbox(dataDir)).filter((m) => m.to === email && m.subject === subject).at(-1);
  expect(message, `an email "${subject}" to ${email}`).toBeTruthy();
  await page.goto(message!.links[0]!);
  await page.getByRole("button", { name: button }).click();
}

/** A member of staff signs in from /schools/register and registers a school; returns its code. */
async function registerSchool(page: Page, email: string, name: string) {
  await page.goto("/schools/register");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await followEmail(page, email, "Your sign-in link for Talk Often", "Sign in");
  await expect(page).toHaveURL(/\/schools\/register$/);
  await page.getByLabel("School name").fill(name);
  await page.getByLabel("Local authority or trust").fill("Northshire Learning Trust");
  await page.getByRole("button", { name: "Register the school" }).click();
  await expect(page).toHaveURL(/\/school\/[A-Z0-9]{6}$/);
  return /\/school\/([A-Z0-9]{6})$/.exec(page.url())![1]!;
}

/** A parent opens the school's link, asks for the reminder, confirms from the email, and chooses. */
async function parentSignsUp(page: Page, url: string, school: string, countUs: boolean) {
  const email = uniqueEmail("parent");
  await page.goto(url);
  await expect(page.getByText(`From ${school}`, { exact: true })).toBeVisible();
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Send me the monthly reminder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await followEmail(page, email, "Confirm your monthly check-in", "Confirm my monthly check-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your monthly check-in is set up");
  const box = page.getByRole("checkbox", { name: `Let ${school} count our family in its totals` });
  await expect(box).not.toBeChecked(); // never ticked for the parent
  if (countUs) {
    await box.check();
    await page.getByRole("button", { name: "Save my choice" }).click();
    await expect(page.getByTestId("school-counted")).toContainText(`${school} now counts your family`);
  }
  return email;
}

/** A row of the school's figures: its one cell, the number of families. */
const cells = (page: Page, measure: RegExp) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: measure }) })
    .getByRole("cell");
const FAMILIES = /^Counted families with an active monthly check-in, counted after the /;

test("a school registers, prints its letter, parents sign up through its QR code, and it sees numbers only", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const pages = new Map<string, string>();
  // As served (the validator reads what the server sends, not the DOM after scripts ran).
  const save = async (p: Page, name: string) => pages.set(name, await (await p.request.get(p.url())).text());
  const name = `Hillside <Primary> & "Nursery" ${randomBytes(2).toString("hex")}`;

  await page.goto("/schools");
  await page.getByRole("link", { name: /Register your school/ }).click();
  await expectNoAxeViolations(page);
  await save(page, "/schools/register (signed out)");
  const code = await registerSchool(page, uniqueEmail("head"), name);
  // The name is shown as typed, as text: never as markup.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("school-code")).toHaveText(code);
  // Its first snapshot, as the worker publishes it for a new school (drawn here without noise, so that
  // the test knows it shows nothing): no figure at all until a snapshot with enough families.
  await publishSnapshotNow(code, { noNoise: true });
  await page.reload();
  await expect(page.getByTestId("too-few-yet")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await save(page, "/school/<code>");

  // The school's own kit, one age group at a time: none until one is chosen, with a plain link.
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Kit for an age group" })
    .getByRole("link", { name: "Ages 8 to 10" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/school/${code}\\?age=8-10#kit$`));
  await expect(page.getByRole("region", { name: "Ages 4 to 7" })).toHaveCount(0);
  // Its link carries the code, and so does the newsletter paragraph.
  const link = `${baseURL}/s/${code}/8-10`;
  const kit = page.getByRole("region", { name: "Ages 8 to 10" });
  await expect(kit.getByText(link, { exact: true })).toBeVisible();
  await expect(kit.getByText(/Parents can set up a monthly reminder/).first()).toContainText(link);

  // Its block for the school's website: the reminder link in it carries the code; it may be framed.
  await expect(kit.getByText(`${baseURL}/embed/8-10/${code}`)).toBeVisible();
  const embed = await page.request.get(`/embed/8-10/${code}`);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(await embed.text()).toContain(`href="${link}" target="_top"`);
  expect((await page.request.get(`/embed/8-10/ZZZZZZ`)).status()).toBe(404); // no school's code

  // The printed letter: the school's name at the top and a QR code that scans to its own link.
  await kit.getByRole("link", { name: "Letter home for ages 8 to 10" }).click();
  await expect(page.locator(".letter-school")).toHaveText(name);
  await expectNoAxeViolations(page);
  await save(page, "/school/<code>/letter/8-10");
  await page.emulateMedia({ media: "print" });
  const qr = page.getByRole("img", { name: `QR code for ${link}` });
  const shot = PNG.sync.read(await qr.screenshot({ scale: "device" }));
  const scanned = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data;
  expect(scanned).toBe(link);
  await page.emulateMedia({ media: "screen" });

  // Five parents scan it and choose to be counted; nothing the school sees changes until a snapshot.
  const parents: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const visitor = await newVisitor(browser, baseURL!);
    if (i === 1) {
      await visitor.page.goto(scanned!);
      await expectNoAxeViolations(visitor.page);
      await save(visitor.page, "/s/<code>/8-10");
    }
    parents.push(await parentSignsUp(visitor.page, scanned!, name, true));
    if (i === 1) {
      await expectNoAxeViolations(visitor.page);
      await save(visitor.page, "/remind/ready (counted)");
      await visitor.page.goto("/account");
      await expect(visitor.page.getByTestId("counted-by")).toContainText(`${name} counts your family`);
      await expectNoAxeViolations(visitor.page);
      await save(visitor.page, "/account (counted by a school)");
    }
    await visitor.context.close();
    await page.goto(`/school/${code}`);
    await expect(page.getByTestId("too-few-yet")).toBeVisible();
  }

  // A sixth parent does not tick the box: a sign-up counted, and no link to the school anywhere.
  const sixth = await newVisitor(browser, baseURL!);
  const sixthEmail = await parentSignsUp(sixth.page, scanned!, name, false);
  await expectNoAxeViolations(sixth.page);
  await save(sixth.page, "/remind/ready (the choice)");
  await sixth.context.close();
  const links = await query<{ email: string }>(
    `SELECT u.email FROM "SchoolFamily" f JOIN "School" s ON s.id = f."schoolId"
     JOIN "Child" c ON c.id = f."childId" JOIN "User" u ON u.id = c."userId" WHERE s.code = $1`,
    [code],
  );
  expect(links.map((row) => row.email).sort()).toEqual([...parents].sort());
  expect(links.map((row) => row.email)).not.toContain(sixthEmail);
  const counters = await query<{ ageGroup: string; count: number }>(
    `SELECT n."ageGroup", n.count FROM "SchoolSignUps" n JOIN "School" s ON s.id = n."schoolId" WHERE s.code = $1`,
    [code],
  );
  expect(counters).toEqual([{ ageGroup: "8-10", count: 6 }]);
  // The counter has nothing that leads to an account: its columns are the school, term, age and count;
  // the once-a-term marks hold a keyed hash of the account, which means nothing without the server's key.
  const columns = async (table: string) =>
    (
      await query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
        [table],
      )
    ).map((c) => c.column_name);
  expect(await columns("SchoolSignUps")).toEqual(["ageGroup", "count", "schoolId", "term"]);
  expect(await columns("SchoolSignUpFamily")).toEqual(["family", "schoolId", "term"]);

  // The month's snapshot (drawn here without noise, to read it): the page and the CSV say the same.
  await publishSnapshotNow(code, { noNoise: true });
  await page.goto(`/school/${code}`);
  await expect(page.getByTestId("too-few-yet")).toHaveCount(0);
  const thisTerm = page
    .getByRole("rowheader", { name: /^Families who signed up through your links/ })
    .first();
  await expect(thisTerm).toHaveText(
    /^Families who signed up through your links, (Autumn|Spring|Summer) term \d{4} so far$/,
  );
  await expect(cells(page, new RegExp(`^${await thisTerm.textContent()}$`))).toHaveText(["6"]);
  // Counted once a term has ended, when the first snapshot after it is drawn: the five counted now.
  await expect(cells(page, FAMILIES)).toHaveText(["5"]);
  await expectNoAxeViolations(page);
  await save(page, "/school/<code> (a snapshot)");
  const csv = await (await page.request.get(`/school/${code}/counts.csv`)).text();
  expect(csv.split("\r\n")[1]).toBe(`"${await thisTerm.textContent()}",6`);
  const shown = await page.locator("main table").textContent();

  // A parent stops being counted from their account page.
  const first = await newVisitor(browser, baseURL!);
  await first.page.goto("/schools/register");
  await first.page.getByLabel("Your email address").fill(parents[0]!);
  await first.page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(first.page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await followEmail(first.page, parents[0]!, "Your sign-in link for Talk Often", "Sign in");
  await first.page.goto("/account");
  await first.page.getByRole("button", { name: `Stop counting by ${name}` }).click();
  await expect(first.page.getByTestId("counted-by")).toHaveCount(0);
  // A parent is not the school's contact: its page, letter, QR codes and counts are not found.
  for (const path of ["", "/letter/8-10", "/qr/8-10.png", "/counts.csv"]) {
    expect((await first.page.request.get(`/school/${code}${path}`)).status(), path).toBe(404);
  }
  await first.context.close();
  // Between snapshots, nothing a family does shows.
  await page.reload();
  expect(await page.locator("main table").textContent()).toBe(shown);

  // Someone signed out cannot download the counts.
  const stranger = await newVisitor(browser, baseURL!);
  expect((await stranger.page.request.get(`/school/${code}/counts.csv`)).status()).toBe(401);
  await stranger.context.close();

  await expectValidHtml(pages);
});

test("contacts invite a colleague, remove one who left, and delete the school; its links then count nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const pages = new Map<string, string>();
  const name = `Riverside Academy ${randomBytes(2).toString("hex")}`;
  const save = async (p: Page, name: string) => pages.set(name, await (await p.request.get(p.url())).text());
  const head = uniqueEmail("head");
  const code = await registerSchool(page, head, name);

  // Codes as people type them: lower case and O for 0 lead to the same school.
  const typed = code.toLowerCase().replace(/0/g, "o");
  await page.goto(`/school/${typed}`);
  await expect(page).toHaveURL(new RegExp(`/school/${code}$`));

  // Its link without an age group asks for the child's age, under the school's name.
  await page.goto(`/s/${code}`);
  await expect(page.getByText(`From ${name}`, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await save(page, "/s/<code>");
  await page.goto(`/school/${code}`);

  const colleague = uniqueEmail("deputy");
  await page.getByLabel("Their email address").fill(colleague);
  await page.getByRole("button", { name: "Send an invitation" }).click();
  await expect(page.getByText(`We have emailed an invitation to ${colleague}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Cancel the invitation to ${colleague}` })).toBeVisible();

  const deputy = await newVisitor(browser, baseURL!);
  const invitation = (await listOutbox(dataDir)).find((m) => m.to === colleague)!;
  // Our own words only: the name someone typed stays out of the subject (probe N7).
  expect(invitation.subject).toBe("You have been invited to see a school's numbers on Talk Often");
  expect(invitation.text).toContain(`The school's name, as it was registered: "${name}"`);
  await deputy.page.goto(invitation.links[0]!);
  await expect(deputy.page.getByRole("heading", { level: 1 })).toHaveText(`Join ${name} on Talk Often?`);
  await expectNoAxeViolations(deputy.page);
  await save(deputy.page, "/school/join/<token>");
  // Opening the link made no one a contact.
  expect(
    await query(`SELECT 1 FROM "SchoolContact" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`, [
      colleague,
    ]),
  ).toEqual([]);
  await deputy.page.getByRole("button", { name: `Join ${name}` }).click();
  await expect(deputy.page.getByRole("heading", { level: 1 })).toHaveText("You are a contact for the school");
  await expectNoAxeViolations(deputy.page);
  await save(deputy.page, "/school/join/joined");
  // The link was used: it does nothing more.
  await deputy.page.goto(invitation.links[0]!);
  await expect(deputy.page.getByRole("heading", { level: 1 })).toHaveText(
    "This invitation has been used or no longer works",
  );
  await deputy.page.goBack();
  await deputy.page.getByLabel("Your email address").fill(colleague);
  await deputy.page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(deputy.page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await followEmail(deputy.page, colleague, "Your sign-in link for Talk Often", "Sign in");
  await expect(deputy.page).toHaveURL(new RegExp(`/school/${code}$`));
  await expect(deputy.page.getByRole("listitem").filter({ hasText: head })).toBeVisible();

  // The head leaves the school; the deputy removes... only after the head has gone, the last can't leave.
  await deputy.page.getByRole("button", { name: `Remove ${head}` }).click();
  await expect(deputy.page.getByRole("listitem").filter({ hasText: head })).toHaveCount(0);
  expect((await page.goto(`/school/${code}`))?.status()).toBe(404);
  await deputy.page.getByRole("button", { name: "Leave this school" }).click();
  await expect(deputy.page.getByText("A school needs at least one contact")).toBeVisible();
  await expectNoAxeViolations(deputy.page);
  await save(deputy.page, "/school/<code> (errors)");

  // Deleting asks for the tick; then the school is gone and its link counts nothing (the form still works).
  await deputy.page.getByRole("button", { name: "Delete the school" }).click();
  await expect(deputy.page.getByText("Tick the box to confirm")).toBeVisible();
  await deputy.page.getByRole("checkbox", { name: `Yes, delete ${name}` }).check();
  await deputy.page.getByRole("button", { name: "Delete the school" }).click();
  await expect(deputy.page.getByText("The school is deleted.")).toBeVisible();
  await expect(deputy.page.getByRole("link", { name })).toHaveCount(0);
  await expectNoAxeViolations(deputy.page);
  await save(deputy.page, "/schools/register (signed in)");
  await deputy.context.close();
  await page.goto(`/s/${code}/8-10`);
  await expect(page.getByText("We don't know the school code in this link")).toBeVisible();
  await expectNoAxeViolations(page);
  await save(page, "/s/<unknown code>/8-10");
  await expect(page.getByRole("button", { name: "Send me the monthly reminder" })).toBeVisible();
  expect(await query(`SELECT 1 FROM "School" WHERE code = $1`, [code])).toEqual([]);

  await expectValidHtml(pages);
});
