import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, NONCE_PAGES } from "@/lib/server/content-security-policy.mjs";
import { config } from "@/proxy";

describe("the Content-Security-Policy", () => {
  it("allows inline scripts on prerendered pages, and only the nonce's on pages rendered per request", () => {
    expect(contentSecurityPolicy({ production: true })).toContain("script-src 'self' 'unsafe-inline';");
    const withNonce = contentSecurityPolicy({ production: true, nonce: "abc123" });
    expect(withNonce).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(withNonce).not.toContain("unsafe-inline'; style");
    expect(withNonce).not.toContain("unsafe-eval");
  });

  it("is given a nonce by proxy.ts on exactly the pages next.config.js leaves to it", () => {
    const matched = config.matcher.filter((path) => !path.startsWith("/guides"));
    expect(matched.map((path) => path.replace(/\/:path\*$/, ""))).toEqual(NONCE_PAGES);
  });
});
