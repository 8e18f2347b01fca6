// The short address an email offers beside its button (/l/<id>): made when the email is sent, opened
// without changing anything, expiring with the link it stands for.
import { describe, expect, it } from "vitest";
import {
  createShortLink,
  openShortLink,
  SHORT_LINK_KEPT_AFTER_EXPIRY_MS,
  shortLinkResponse,
  shortLinkUrl,
} from "@/lib/auth/short-links";
import { createHash } from "node:crypto";
import { deleteUserData } from "@/lib/accounts/account-data";
import { databaseSuite } from "../../helpers/integration-env";
import { makeParent } from "../../helpers/factories";

const APP = "https://talkoften.test";
const SECRET = "s".repeat(40);
const TARGET = `${APP}/api/auth/callback/email?callbackUrl=${encodeURIComponent(`${APP}/remind/ready?r=${"a".repeat(900)}`)}&token=${"f".repeat(64)}&email=parent%40example.org`;
const NOW = new Date("2026-12-06T18:00:00Z");
const IN_A_DAY = new Date(NOW.getTime() + 24 * 3600_000);

const database = databaseSuite();

const rows = () => database.db.shortLink.findMany({ orderBy: { idHash: "asc" } });

describe("short links", () => {
  it("are under 60 characters for a link of over a thousand", async () => {
    const id = await createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW });
    expect(TARGET.length).toBeGreaterThan(1000);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(shortLinkUrl(APP, id).length).toBeLessThan(60);
  });

  it("keep neither the id nor the link readable in the database", async () => {
    const id = await createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW });
    const stored = JSON.stringify(await rows());
    expect(stored).not.toContain(id);
    expect(stored).not.toContain("parent%40example.org");
    expect(stored).not.toContain("f".repeat(64));
  });

  it("open to the full link's page, the confirmation page with its button, and change nothing", async () => {
    const id = await createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW });
    const before = await rows();
    const response = await shortLinkResponse(database.db, id, { secret: SECRET, appUrl: APP, now: NOW });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${APP}/signin/confirm${new URL(TARGET).search}`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    // Opened again, and again: the same answer, and not a row changed.
    const again = await shortLinkResponse(database.db, id, { secret: SECRET, appUrl: APP, now: NOW });
    expect(again.headers.get("location")).toBe(response.headers.get("location"));
    expect(await rows()).toEqual(before);
  });

  it("expire with the link: then they say so, and lead to nothing", async () => {
    const id = await createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW });
    const late = new Date(IN_A_DAY.getTime() + 1);
    expect(await openShortLink(database.db, id, { secret: SECRET, now: IN_A_DAY })).toEqual({
      state: "expired",
    });
    const response = await shortLinkResponse(database.db, id, { secret: SECRET, appUrl: APP, now: late });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${APP}/signin/error?error=Verification`);
  });

  it("answer 404 for an id nobody was sent, a malformed one, or one made with another secret", async () => {
    const id = await createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW });
    for (const unknown of ["AAAAAAAAAAAAAAAA", "short", "../../etc/passwd", `${id}x`]) {
      const response = await shortLinkResponse(database.db, unknown, {
        secret: SECRET,
        appUrl: APP,
        now: NOW,
      });
      expect(response.status, unknown).toBe(404);
    }
    expect(await openShortLink(database.db, id, { secret: "t".repeat(40), now: NOW })).toEqual({
      state: "unknown",
    });
  });

  it("never send the browser to another site, whatever the row holds", async () => {
    const id = await createShortLink(database.db, "https://elsewhere.example/", IN_A_DAY, {
      secret: SECRET,
      now: NOW,
    });
    const response = await shortLinkResponse(database.db, id, { secret: SECRET, appUrl: APP, now: NOW });
    expect(response.status).toBe(404);
  });

  it("are deleted a week after they expire, when the next one is made", async () => {
    const old = await createShortLink(database.db, TARGET, NOW, { secret: SECRET, now: NOW });
    const later = new Date(NOW.getTime() + SHORT_LINK_KEPT_AFTER_EXPIRY_MS + 1000);
    await createShortLink(database.db, TARGET, new Date(later.getTime() + 3600_000), {
      secret: SECRET,
      now: later,
    });
    expect(await openShortLink(database.db, old, { secret: SECRET, now: later })).toEqual({
      state: "unknown",
    });
  });

  it("go with the account: deleting it deletes the short links to its unused sign-in links", async () => {
    const link = async (email: string, raw: string) => {
      // Auth.js keeps a sign-in token as sha256 of the token and the secret.
      const stored = createHash("sha256").update(`${raw}${SECRET}`).digest("hex");
      await database.db.verificationToken.create({
        data: { identifier: email, token: stored, expires: IN_A_DAY },
      });
      return createShortLink(database.db, TARGET, IN_A_DAY, { secret: SECRET, now: NOW, signInToken: raw });
    };
    const leaving = await makeParent(database.db, "leaving-short@example.org");
    await makeParent(database.db, "staying-short@example.org");
    const gone = await link("leaving-short@example.org", "a1".repeat(32));
    const kept = await link("staying-short@example.org", "b2".repeat(32));
    await deleteUserData(database.db, leaving.id);
    expect(await openShortLink(database.db, gone, { secret: SECRET, now: NOW })).toEqual({
      state: "unknown",
    });
    expect(await openShortLink(database.db, kept, { secret: SECRET, now: NOW })).toMatchObject({
      state: "live",
    });
  });
});
