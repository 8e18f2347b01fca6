// Who may see the local outbox: only a server that sends no real mail, and only the person at this
// machine (a loopback peer with a loopback Host header and no proxy between: scripts/server.mjs). In
// production that is not enough: a proxy that adds no forwarding header (a bare `proxy_pass`) makes
// every visitor look local, so the pages also want the outbox key, a secret `npm start` keeps in
// DATA_DIR/outbox-key and prints only to the terminal that started it.
import { timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getEnv, usesOutbox, type Env } from "@/lib/server/env";
import { requestClient } from "@/lib/server/request-client";
import { OUTBOX_KEY_FILE } from "@/lib/email/outbox";

/**
 * The data directory whose outbox this server writes, or a 404: with real mail, for anyone not at
 * this machine, and in production for anyone without the outbox key.
 */
export async function outboxDataDirOr404(key: unknown): Promise<string> {
  const env = getEnv();
  if (!usesOutbox(env) || !requestClient(await headers()).local) notFound();
  if (env.NODE_ENV === "production" && !(await isOutboxKey(env, key))) notFound();
  return env.DATA_DIR;
}

/** The query to add to the outbox's own links, so that the key goes along in production. */
export function outboxQuery(key: unknown): string {
  return typeof key === "string" && key ? `?key=${encodeURIComponent(key)}` : "";
}

async function isOutboxKey(env: Pick<Env, "DATA_DIR">, key: unknown): Promise<boolean> {
  if (typeof key !== "string" || key.length === 0) return false;
  let expected: string;
  try {
    expected = (await readFile(path.join(env.DATA_DIR, OUTBOX_KEY_FILE), "utf8")).trim();
  } catch {
    return false; // no key made: the outbox is not served
  }
  const given = Buffer.from(key);
  const wanted = Buffer.from(expected);
  return expected.length > 0 && given.length === wanted.length && timingSafeEqual(given, wanted);
}
