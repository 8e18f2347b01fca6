// Who may see the local outbox: only a server that sends no real mail, and only the person at this
// machine (a loopback peer with a loopback Host header and no proxy between: scripts/server.mjs).
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getEnv, usesOutbox } from "@/lib/server/env";
import { requestClient } from "@/lib/server/request-client";

/** The data directory whose outbox this server writes, or a 404 for anyone else or with real mail. */
export async function outboxDataDirOr404(): Promise<string> {
  const env = getEnv();
  if (!usesOutbox(env) || !requestClient(await headers()).local) notFound();
  return env.DATA_DIR;
}
