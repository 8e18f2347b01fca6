// Short addresses for email links too long to copy (/l/<id>, about 45 characters): a sign-in or
// confirmation link is about 1,100. The email's button keeps the full link; "Or copy this link" shows
// the short one. Only the id's SHA-256 is stored, and the full link is encrypted (AES-256-GCM, a key
// derived from AUTH_SECRET), so the table alone opens nothing. Opening one changes nothing: it sends
// the browser on to the page the full link opens (its button does the rest). It expires with the link.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/prisma/generated/client";
import { confirmationFor } from "@/lib/auth/auth-links";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";

/** Expired short links are kept this long, so that a late one says "expired", not "unknown". */
export const SHORT_LINK_KEPT_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

const ID = /^[A-Za-z0-9_-]{16}$/;

export type ShortLinkOptions = { secret: string; now?: Date };

/**
 * Stores `target` (one of our own links) until `expiresAt`; returns its short id. A sign-in link's
 * `signInToken` ties the row to Auth.js's token, so that deleting the account deletes it too.
 */
export async function createShortLink(
  db: PrismaClient,
  target: string,
  expiresAt: Date,
  { secret, now = new Date(), signInToken }: ShortLinkOptions & { signInToken?: string },
): Promise<string> {
  const id = randomBytes(12).toString("base64url"); // 96 bits: as hard to guess as the link itself
  await db.shortLink.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - SHORT_LINK_KEPT_AFTER_EXPIRY_MS) } },
  });
  await db.shortLink.create({
    data: {
      idHash: hashOf(id),
      target: encrypt(target, secret),
      expiresAt,
      verificationToken: signInToken ? storedSignInToken(signInToken, secret) : null,
    },
  });
  return id;
}

/** The short links of a person's unused sign-in links (by their email), for deleting the account. */
export async function deleteShortLinksOf(
  db: Pick<PrismaClient, "shortLink" | "verificationToken">,
  email: string,
) {
  const tokens = await db.verificationToken.findMany({
    where: { identifier: email },
    select: { token: true },
  });
  if (tokens.length)
    await db.shortLink.deleteMany({ where: { verificationToken: { in: tokens.map((t) => t.token) } } });
}

export function shortLinkUrl(appUrl: string, id: string): string {
  return `${appUrl}/l/${id}`;
}

export type OpenedShortLink = { state: "live"; target: string } | { state: "expired" } | { state: "unknown" };

/** What a short id leads to. Reads only: opening a short link changes nothing. */
export async function openShortLink(
  db: PrismaClient,
  id: string,
  { secret, now = new Date() }: ShortLinkOptions,
): Promise<OpenedShortLink> {
  if (!ID.test(id)) return { state: "unknown" };
  const row = await db.shortLink.findUnique({ where: { idHash: hashOf(id) } });
  if (!row) return { state: "unknown" };
  if (row.expiresAt <= now) return { state: "expired" };
  const target = decrypt(row.target, secret);
  return target ? { state: "live", target } : { state: "unknown" };
}

/**
 * GET /l/<id>: a live link goes on (303) to the page its full link opens (the confirmation page with
 * its button, for a sign-in link); an expired one to the page that says so; an unknown one is a 404.
 * Never stored by a cache: the answer depends on the database and holds a token.
 */
export async function shortLinkResponse(
  db: PrismaClient,
  id: string,
  options: ShortLinkOptions & { appUrl: string },
): Promise<Response> {
  const opened = await openShortLink(db, id, options);
  const headers = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
  if (opened.state === "live" && opened.target.startsWith(`${options.appUrl}/`)) {
    const target = confirmationFor(new URL(opened.target), options.appUrl) ?? opened.target;
    return new Response(null, { status: 303, headers: { ...headers, Location: target } });
  }
  if (opened.state === "expired")
    return new Response(null, {
      status: 303,
      headers: { ...headers, Location: `${options.appUrl}/signin/error?error=Verification` },
    });
  return new Response(
    "This short link is not known. Copy it again from the email, or use the button in the email.\n",
    { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } },
  );
}

/** GET /l/<id> with this server's database and settings. */
export function openShortLinkRequest(id: string): Promise<Response> {
  const env = getEnv();
  return shortLinkResponse(getDb(), id, { secret: env.AUTH_SECRET ?? "", appUrl: env.APP_URL });
}

/** A sign-in token as Auth.js keeps it (sha256 of the token and the secret; see signInLinkIsLive). */
function storedSignInToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

function hashOf(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

function keyOf(secret: string): Buffer {
  return createHash("sha256").update(`talk-often short link\0${secret}`).digest();
}

function encrypt(text: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

function decrypt(stored: string, secret: string): string | null {
  try {
    const data = Buffer.from(stored, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null; // another secret (rotated), or a row changed by hand
  }
}
