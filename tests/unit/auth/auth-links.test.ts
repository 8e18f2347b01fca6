import { describe, expect, it } from "vitest";
import { confirmationFor, hasBrokenCallbackUrl, onAppUrl, signInLinkParams } from "@/lib/auth/auth-links";

const noCookies = { get: () => undefined };

describe("sign-in links", () => {
  it("send a GET of Auth.js's email callback to the confirmation page, with the same query", () => {
    const url = new URL(
      "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Faccount&token=ab12&email=a%40b.org",
    );
    expect(confirmationFor(url, "https://talkoften.example")).toBe(
      "https://talkoften.example/signin/confirm?callbackUrl=%2Faccount&token=ab12&email=a%40b.org",
    );
    expect(
      confirmationFor(new URL("http://localhost:3000/api/auth/session"), "https://x.example"),
    ).toBeNull();
  });

  it("read the link's parts, or nothing when one is missing or malformed", () => {
    const token = "a".repeat(64);
    expect(signInLinkParams({ token, email: "a@b.org" })).toEqual({
      token,
      email: "a@b.org",
      callbackUrl: "/account",
    });
    expect(signInLinkParams({ token: "not hex!", email: "a@b.org" })).toBeNull();
    expect(signInLinkParams({ token, email: ["a@b.org", "c@d.org"] })).toBeNull();
    expect(signInLinkParams({ email: "a@b.org" })).toBeNull();
  });

  it("spot a callbackUrl that is not a web address, in the query or Auth.js's cookie", () => {
    const base = "http://localhost:3000/api/auth/callback/email?token=1";
    expect(hasBrokenCallbackUrl(new URL(`${base}&callbackUrl=%00`), noCookies)).toBe(true);
    expect(hasBrokenCallbackUrl(new URL(`${base}&callbackUrl=javascript%3Aalert(1)`), noCookies)).toBe(true);
    expect(hasBrokenCallbackUrl(new URL(`${base}&callbackUrl=%2Faccount`), noCookies)).toBe(false);
    expect(hasBrokenCallbackUrl(new URL(`${base}&callbackUrl=https%3A%2F%2Fx.example%2F`), noCookies)).toBe(
      false,
    );
    expect(hasBrokenCallbackUrl(new URL(base), { get: () => ({ value: "::" }) })).toBe(true);
  });
});

describe("Auth.js's redirects", () => {
  const redirect = (location: string) =>
    new Response(null, { status: 302, headers: { location, "set-cookie": "a=1; Path=/" } });

  it("lead to APP_URL, not to the name Next.js gives a loopback address (a used link's button did nothing)", () => {
    const moved = onAppUrl(
      redirect("http://localhost:4721/signin/error?error=Verification"),
      "http://127.0.0.1:4721",
    );
    expect(moved.headers.get("location")).toBe("http://127.0.0.1:4721/signin/error?error=Verification");
    expect(moved.headers.getSetCookie()).toEqual(["a=1; Path=/"]);
  });

  it("are left alone when already on APP_URL, relative, or on another host or port", () => {
    for (const location of [
      "http://127.0.0.1:4721/account",
      "/signin",
      "https://evil.example/x",
      "http://localhost:9999/x",
    ])
      expect(onAppUrl(redirect(location), "http://127.0.0.1:4721").headers.get("location")).toBe(location);
  });
});
