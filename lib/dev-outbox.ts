// Who may see the local outbox: only a server that sends no real mail.
import { notFound } from "next/navigation";
import { getEnv, usesOutbox } from "@/lib/env";

/** The data directory whose outbox this server writes, or a 404 when real mail is configured. */
export function outboxDataDirOr404(): string {
  const env = getEnv();
  if (!usesOutbox(env)) notFound();
  return env.DATA_DIR;
}
