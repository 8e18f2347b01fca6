// What most integration files start with: a database of their own, a recording SMTP server, and the
// settings over both; and what they end with.
import { runMigrations } from "graphile-worker";
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
