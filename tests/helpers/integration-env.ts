// What most integration files start with: a database of their own, a recording SMTP server, and the
// settings over both; and what they end with.
import { afterAll, beforeAll } from "vitest";
import { runMigrations } from "graphile-worker";
import { authConfig } from "@/lib/auth/auth";
import { closeMail } from "@/lib/email/send-mail";
import { parseEnv, type Env } from "@/lib/server/env";
import { createTestDatabase, type TestDatabase } from "./database";
import { startSmtpServer, type RecordingSmtpServer } from "./smtp";

export type MailAndDatabase = { database: TestDatabase; smtp: RecordingSmtpServer; env: Env };

/**
 * A fresh database (with graphile-worker's queue when `queue`), an SMTP server, and `parseEnv` of both
 * with the test site's APP_URL and `vars` (AUTH_SECRET, usually).
 */
export async function openMailAndDatabase(
  vars: Record<string, string> = {},
  { queue = false }: { queue?: boolean } = {},
): Promise<MailAndDatabase> {
  const database = await createTestDatabase();
  if (queue) await runMigrations({ connectionString: database.url });
  const smtp = await startSmtpServer();
  const env = parseEnv({
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    APP_URL: "https://talkoften.test",
    ...vars,
  });
  return { database, smtp, env };
}

/** Closes the mail transport and the SMTP server, and drops the database (whichever were opened). */
export async function closeMailAndDatabase(opened: Partial<MailAndDatabase>): Promise<void> {
  closeMail();
  await opened.smtp?.close();
  await opened.database?.drop();
}

/** Between tests: no users (nor anything of theirs), no queued jobs, an SMTP server that accepts again. */
export async function emptyMailAndDatabase({ database, smtp }: Omit<MailAndDatabase, "env">): Promise<void> {
  await database.db.user.deleteMany();
  await database.db.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
  smtp.messages.length = 0;
  smtp.refuseWith(null);
}

/** The set-up of the sign-in tests: a database, an SMTP server and Auth.js's config for `appUrl`. */
export async function openSignIn(
  appUrl: string,
): Promise<MailAndDatabase & { config: ReturnType<typeof authConfig> }> {
  const opened = await openMailAndDatabase({ AUTH_SECRET: "x".repeat(40), APP_URL: appUrl });
  return { ...opened, config: authConfig(opened.env, opened.database.db) };
}

/**
 * Registers `open` (beforeAll) and the closing of what it opened (afterAll) for the file, or for the
 * describe block it is called in; `fill` puts what was opened where the tests read it.
 */
function registerSuite<T extends Partial<MailAndDatabase>>(
  open: () => Promise<T>,
  fill: (opened: T) => void,
): void {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
    fill(opened);
  });
  afterAll(() => closeMailAndDatabase(opened ?? {}));
}

/**
 * Registers openMailAndDatabase (`vars`, `options`) and its closing for the file (or describe block).
 * Each of the three is filled in place once its beforeAll has run, so they can be destructured at once.
 */
export function mailAndDatabaseSuite(
  vars: Record<string, string> = {},
  options: { queue?: boolean } = {},
): MailAndDatabase {
  const suite = { database: {} as TestDatabase, smtp: {} as RecordingSmtpServer, env: {} as Env };
  registerSuite(
    () => openMailAndDatabase(vars, options),
    (opened) => {
      Object.assign(suite.database, opened.database);
      Object.assign(suite.smtp, opened.smtp);
      Object.assign(suite.env, opened.env);
    },
  );
  return suite;
}

/**
 * Registers the sign-in tests' set-up (openSignIn) and tear-down for the file; the fields of what it
 * returns are there once its beforeAll has run.
 */
export function signInSuite(appUrl: string): MailAndDatabase & { config: ReturnType<typeof authConfig> } {
  const suite = {} as MailAndDatabase & { config: ReturnType<typeof authConfig> };
  registerSuite(
    () => openSignIn(appUrl),
    (opened) => Object.assign(suite, opened),
  );
  return suite;
}

/**
 * Registers a fresh database for the file (beforeAll; with graphile-worker's queue when `queue`) and
 * its drop (afterAll). What it returns is that database, filled in place once its beforeAll has run.
 */
export function databaseSuite({ queue = false }: { queue?: boolean } = {}): TestDatabase {
  const database = {} as TestDatabase;
  let opened: TestDatabase | undefined;
  beforeAll(async () => {
    opened = await createTestDatabase();
    if (queue) await runMigrations({ connectionString: opened.url });
    Object.assign(database, opened);
  });
  afterAll(() => opened?.drop());
  return database;
}
