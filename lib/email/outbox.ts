// The local mail outbox used when no SMTP server is configured: one JSON file and one
// .eml file per message under DATA_DIR/outbox, listed at /dev/outbox.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Env } from "@/lib/server/env";
import { isLoopbackHost } from "@/lib/server/peer.mjs";

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** Writes one message to the outbox and returns what was stored, with the links found in it. */
export async function saveToOutbox(
  dataDir: string,
  mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    raw: string;
    messageId: string;
  },
): Promise<OutboxMessage> {
  const dir = outboxDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sentAt = new Date();
  const id = `${sentAt.toISOString().replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;
  const message: OutboxMessage = {
    id,
    messageId: mail.messageId,
    sentAt: sentAt.toISOString(),
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    links: linksIn(mail.text),
  };
  // Mail can carry sign-in links: readable by this user only.
  await writeFile(path.join(dir, `${id}.eml`), mail.raw, { mode: 0o600 });
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(message, null, 2), { mode: 0o600 });
  return message;
}

/** The file, under DATA_DIR, that holds the outbox key (made by `npm start` in production). */
export const OUTBOX_KEY_FILE = "outbox-key";

/** Where the person at this machine reads the outbox: the server listens on loopback then. */
export function outboxUrl(env: Pick<Env, "APP_URL" | "PORT">): string {
  const local = isLoopbackHost(new URL(env.APP_URL).hostname);
  return `${local ? env.APP_URL : `http://localhost:${env.PORT}`}/dev/outbox`;
}

/** Every message in the outbox, newest first. */
export async function listOutbox(dataDir: string): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names.filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -".json".length));
  const messages = await Promise.all(ids.map((id) => readOutboxMessage(dataDir, id)));
  return messages
    .filter((message): message is OutboxMessage => message !== null)
    .sort((a, b) => b.id.localeCompare(a.id));
}

/** One message by id, or null when there is none (or the id is not an outbox id). */
export async function readOutboxMessage(dataDir: string, id: string): Promise<OutboxMessage | null> {
  if (!outboxIdPattern.test(id)) return null;
  try {
    const json = await readFile(path.join(outboxDir(dataDir), `${id}.json`), "utf8");
    return outboxMessageSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The absolute URLs in a plain-text body, in order, without duplicates. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [])];
}

const outboxIdPattern = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

const outboxMessageSchema = z.object({
  id: z.string().regex(outboxIdPattern),
  messageId: z.string(),
  sentAt: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  links: z.array(z.string()),
});

function outboxDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), "outbox");
}
