// Who is asking, as scripts/server.mjs saw the socket: the client's address (for per-client limits)
// and whether the request comes from this machine (for the outbox). Served any other way (a bare
// `next start`), nobody is local and every client shares one address.
import { headers } from "next/headers";
import { CLIENT_HEADER, LOCAL_HEADER, SERVER_MARK } from "@/lib/server/peer.mjs";

export type RequestClient = { address: string; local: boolean };

export function requestClient(headers: Headers): RequestClient {
  if (Reflect.get(globalThis, SERVER_MARK) !== true) return { address: "unknown", local: false };
  return { address: headers.get(CLIENT_HEADER) || "unknown", local: headers.get(LOCAL_HEADER) === "1" };
}

/** The address of whoever sent the request a server action or page is answering. */
export async function clientAddress(): Promise<string> {
  return requestClient(await headers()).address;
}
