import { describe, expect, it } from "vitest";
import { requireLinkSecret, signLink, verifyLink } from "@/lib/server/signed-links";

const secret = "s".repeat(40);
const now = new Date("2026-11-29T12:00:00Z");

describe("signed links", () => {
  it("carry their purpose, subject and topic, until they expire", () => {
    const token = signLink(secret, "checkin", "child-1", { topic: "live-streaming", ttlMs: 60_000, now });
    const payload = verifyLink(secret, token, "checkin", now);
    expect(payload).toMatchObject({ purpose: "checkin", subject: "child-1", topic: "live-streaming" });
    expect(verifyLink(secret, token, "checkin", new Date(now.getTime() + 59_000))).not.toBeNull();
    expect(verifyLink(secret, token, "checkin", new Date(now.getTime() + 60_000))).toBeNull();
  });

  it("are refused when tampered with, signed with another secret, or malformed", () => {
    const token = signLink(secret, "checkin", "child-1", { ttlMs: 60_000, now });
    const [body, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), s: "child-2" }),
    ).toString("base64url");
    expect(verifyLink(secret, `${forged}.${mac}`, "checkin", now)).toBeNull();
    // One character of the signature changed (to another one: a fixed "A" was no change 1 time in 64).
    const other = mac.endsWith("A") ? "B" : "A";
    expect(verifyLink(secret, `${body}.${mac.slice(0, -1)}${other}`, "checkin", now)).toBeNull();
    expect(verifyLink("t".repeat(40), token, "checkin", now)).toBeNull();
    for (const bad of ["", "abc", "a.b.c", `${body}.`, ".x"])
      expect(verifyLink(secret, bad, "checkin", now)).toBeNull();
  });

  it("give each link its own id", () => {
    const a = verifyLink(secret, signLink(secret, "checkin", "c", { ttlMs: 1000, now }), "checkin", now)!;
    const b = verifyLink(secret, signLink(secret, "checkin", "c", { ttlMs: 1000, now }), "checkin", now)!;
    expect(a.id).not.toBe(b.id);
  });

  it("are made with AUTH_SECRET, and without one say how to set it", () => {
    expect(requireLinkSecret({ AUTH_SECRET: secret })).toBe(secret);
    expect(() => requireLinkSecret({})).toThrow(/AUTH_SECRET is not set/);
  });
});
