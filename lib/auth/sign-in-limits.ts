// How many sign-in emails (plain sign-in, /remind confirmations) may be sent, and to whom. A parents'
// evening puts sixty families behind one school Wi-Fi address within minutes, and mobile networks put
// many behind shared addresses, so the address the request comes from is a weak signal on its own.
// What is bounded, each counted in PostgreSQL in one statement (so the limits hold however many
// requests arrive at once, on any app server):
//   - the recipient: no inbox gets more than 3 links in 15 minutes, or 10 in a day;
//   - the client (an IPv4 address or an IPv6 /64): 30 in 15 minutes, or 120 through a registered
//     school's link (a school hall), where the school's code allows 200 an hour in all;
//   - the client's range (an IPv4 /24 or an IPv6 /48): 300 an hour, so that cycling through
//     neighbouring addresses buys little.
import type { PrismaClient } from "@/prisma/generated/client";
import { allow, waitFor, type Limit } from "@/lib/server/rate-limit";

const MINUTES = 60_000;

export const SIGN_IN_PER_ADDRESS: Limit = { name: "signin-address", max: 3, windowMs: 15 * MINUTES };
export const SIGN_IN_PER_ADDRESS_DAY: Limit = {
  name: "signin-address-day",
  max: 10,
  windowMs: 24 * 60 * MINUTES,
};
export const SIGN_IN_PER_IP: Limit = { name: "signin-ip", max: 30, windowMs: 15 * MINUTES };
export const SIGN_IN_PER_IP_AT_SCHOOL: Limit = { name: "signin-ip-school", max: 120, windowMs: 15 * MINUTES };
export const SIGN_IN_PER_SCHOOL: Limit = { name: "signin-school", max: 200, windowMs: 60 * MINUTES };
export const SIGN_IN_PER_RANGE: Limit = { name: "signin-range", max: 300, windowMs: 60 * MINUTES };

/** Who asks for a link: the client as scripts/server.mjs saw it, and a registered school's code when the request came through its link. */
export type SignInAsker = { client: string; school?: string | null };

/** Which limit refused an email: the recipient's own, or the network's (client, range or school). */
export type SignInRefusal = "recipient" | "network";

/**
 * Counts one sign-in email for `email`, asked for by `asker`, under every limit that applies at once;
 * null when all of them still allow it, or which kind refused it.
 */
export async function allowSignInEmail(
  db: PrismaClient,
  email: string,
  asker: SignInAsker,
  now = new Date(),
): Promise<SignInRefusal | null> {
  const recipient = email.toLowerCase();
  const network: [Limit, string][] = [
    asker.school ? [SIGN_IN_PER_IP_AT_SCHOOL, asker.client] : [SIGN_IN_PER_IP, asker.client],
    [SIGN_IN_PER_RANGE, clientRange(asker.client)],
  ];
  if (asker.school) network.push([SIGN_IN_PER_SCHOOL, asker.school]);
  const [perAddress, perDay, ...perNetwork] = await Promise.all([
    allow(db, SIGN_IN_PER_ADDRESS, recipient, now),
    allow(db, SIGN_IN_PER_ADDRESS_DAY, recipient, now),
    ...network.map(([limit, subject]) => allow(db, limit, subject, now)),
  ]);
  if (!perAddress || !perDay) return "recipient";
  return perNetwork.every(Boolean) ? null : "network";
}

/**
 * The range a client's address belongs to: an IPv4 /24, or an IPv6 /48 for a client counted by its
 * /64 (lib/server/peer.mjs clientNetwork). Anything else (an unknown client) is its own range.
 */
export function clientRange(client: string): string {
  const v4 = client.match(/^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/);
  if (v4) return `${v4[1]}.0/24`;
  const v6 = client.match(/^([0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}):[0-9a-f:]*\/64$/i);
  if (v6) return `${v6[1]!.toLowerCase()}::/48`;
  return client;
}

/** What a refused parent is told, in words that say which wait helps. */
export function signInRefusalMessage(refusal: SignInRefusal): string {
  return refusal === "recipient"
    ? `We have already sent several emails to this address just now. Look for the newest one in your inbox (and spam folder), or try again in ${waitFor(SIGN_IN_PER_ADDRESS)}.`
    : `Too many emails have been asked for from this network just now. Please try again in ${waitFor(SIGN_IN_PER_IP)}, or from another connection (for example, your phone's mobile data).`;
}
