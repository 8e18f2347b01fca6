// Steps several e2e files take: signing in through the outbox, adding a child, reading the database
// of the app under test, validating HTML.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { Page } from "@playwright/test";
import { listOutbox } from "@/lib/email/outbox";
import { publishSnapshot } from "@/lib/schools/school-snapshots";
import { createDb } from "@/lib/server/db";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { expect, expectNoAxeViolations } from "./fixtures";

const dataDir = process.env.E2E_DATA_DIR!;

/** A new address at example.org for `who`, unlike any other test's or run's. */
export const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString("hex")}@example.org`;

/**
 * X-Forwarded-For headers from 10.<net>.<a random subnet>.1, .2, … in turn: each person browses from an
 * address of their own, so that the sign-in limits (10 per client) see them apart.
 */
export function ownAddresses(net: number): () => { "X-Forwarded-For": string } {
  const subnet = Math.floor(Math.random() * 250);
  let hosts = 0;
  return () => ({ "X-Forwarded-For": `10.${net}.${subnet}.${++hosts}` });
}

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

/** Collects what the browser reports as blocked by the Content-Security-Policy, as the page runs. */
export function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
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

/**
 * Publishes a school's snapshot now, as the worker does on the 1st of a month (its earlier ones are
 * removed first); `noNoise` draws none, so that a test can read the figures as they are.
 */
export async function publishSnapshotNow(code: string, { noNoise = false } = {}): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir });
  const db = createDb(server.url());
  try {
    const school = await db.school.findUniqueOrThrow({ where: { code } });
    // The worker publishes every minute for a school with none this month: try until ours is the one.
    for (let tries = 0; tries < 5; tries += 1) {
      await db.schoolSnapshot.deleteMany({ where: { schoolId: school.id } });
      if (await publishSnapshot(db, school.id, new Date(), noNoise ? () => 0.5 : undefined)) return;
    }
    throw new Error("could not publish a snapshot");
  } finally {
    await db.$disconnect();
  }
}

export async function addChild(page: Page, label: string, ageGroup: string) {
  const form = page.getByRole("region", { name: "Add a child" });
  await form.getByLabel("A nickname or initial (optional)").fill(label);
  await form.getByLabel("Age group", { exact: true }).selectOption(ageGroup);
  await form.getByRole("button", { name: "Add child" }).click();
}

const VNU_JAR = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

type VnuMessage = {
  type: string;
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
};

/** The W3C Nu validator (vnu-jar, on this machine's Java) finds no error in any of `pages` (name → HTML). */
export async function expectValidHtml(pages: Map<string, string>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "talkoften-vnu-"));
  try {
    const files = [...pages].map(([url, html], i) => {
      const file = path.join(dir, `${i}.html`);
      writeFileSync(file, html);
      return [file, url] as const;
    });
    const names = new Map(files.map(([file, url]) => [`file:${file}`, url]));
    const result = await promisify(execFile)(
      process.env.JAVA ?? "java",
      ["-jar", VNU_JAR, "--format", "json", "--exit-zero-always", ...files.map(([file]) => file)],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
    const errors = messages
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map(
        (m) => `${names.get(m.url) ?? m.url}:${m.lastLine ?? "?"}: ${m.message} [${m.extract?.trim() ?? ""}]`,
      );
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
