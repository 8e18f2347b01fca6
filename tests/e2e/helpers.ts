// Steps several e2e files take: signing in through the outbox, adding a child, reading the database
// of the app under test.
import pg from "pg";
import type { Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { expect, expectNoAxeViolations } from "./fixtures";

const dataDir = process.env.E2E_DATA_DIR!;

export async function signInAs(page: Page, email: string, { checkAccessibility = true } = {}) {
  await page.goto("/signin");
  if (checkAccessibility) await expectNoAxeViolations(page); // axe needs JavaScript in the page
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email);
  expect(message?.subject).toBe("Your sign-in link for Talk Often");
  await page.goto(message!.links[0]!);
  // The link opens a page whose button signs in (mail scanners open links without pressing it).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

export async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const server = await startEmbeddedPostgres({ dataDir }); // the one the app under test runs on
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function addChild(page: Page, label: string, ageGroup: string) {
  const form = page.getByRole("region", { name: "Add a child" });
  await form.getByLabel("Label").fill(label);
  await form.getByLabel("Age group", { exact: true }).selectOption(ageGroup);
  await form.getByRole("button", { name: "Add child" }).click();
}
