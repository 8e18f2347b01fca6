// Security and cache headers on the production server (`npm start`): every kind of response carries
// the security headers; guide pages can be kept by a CDN, hashed assets forever, private pages never.
import { cspViolations } from "./helpers";
import { expect, test } from "@playwright/test";

const SECURITY = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function firstScriptAsset(request: import("@playwright/test").APIRequestContext) {
  const html = await (await request.get("/guides/8-10/live-streaming")).text();
  const src = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(src, "a hashed script on a guide page").toBeTruthy();
  return src!;
}

test("every kind of response carries the security headers", async ({ request }) => {
  const paths = [
    "/",
    "/guides/8-10/live-streaming",
    "/schools",
    "/search?q=stream",
    "/signin",
    "/account", // a redirect to sign in
    "/no-such-page", // 404
    "/api/auth/csrf",
    "/search-index.json",
    "/sitemap.xml",
    "/schools/qr/8-10.svg",
    await firstScriptAsset(request),
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY))
      expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["strict-transport-security"], `HSTS on ${path}`).toMatch(
      /^max-age=\d{8,}; includeSubDomains$/,
    );
    const permissions = headers["permissions-policy"] ?? "";
    for (const feature of ["camera", "microphone", "geolocation"]) {
      expect(permissions, `Permissions-Policy on ${path}`).toContain(`${feature}=()`);
    }
    const csp = directives(headers["content-security-policy"] ?? "");
    expect(csp.get("default-src"), `CSP on ${path}`).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      expect(values, `${name} on ${path}`).not.toContain("'unsafe-eval'");
      expect(
        values.filter((v) => /^(https?:|\*|data:$)/.test(v) && name !== "img-src"),
        name,
      ).toEqual([]);
    }
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("pages work under the policy: no CSP violations while browsing and searching", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/");
  await page.goto("/search");
  await page.getByRole("searchbox").fill("stream");
  await expect(page.getByRole("status")).toContainText(/\d+ guides? match/);
  await expect(page.getByRole("link", { name: /live streaming/i }).first()).toBeVisible();
  await page.goto("/schools");
  await page.goto("/guides/14-17/healthy-relationships");
  expect(violations).toEqual([]);
});

test("cache headers: CDN-cacheable guide pages, immutable hashed assets, private account data", async ({
  request,
}) => {
  for (const path of [
    "/",
    "/about",
    "/guides",
    "/guides/8-10",
    "/guides/8-10/live-streaming",
    "/schools",
    "/schools/letter/8-10",
  ]) {
    const cache = (await request.get(path)).headers()["cache-control"] ?? "";
    expect(cache, path).toMatch(/(^|, )public(,|$)/);
    expect(cache, path).toMatch(/s-maxage=\d+/);
    expect(cache, path).not.toMatch(/private|no-store/);
  }
  const asset = await request.get(await firstScriptAsset(request));
  expect(asset.headers()["cache-control"]).toMatch(/max-age=31536000/);
  expect(asset.headers()["cache-control"]).toContain("immutable");
  // Pages that depend on who is asking are never kept by a shared cache.
  for (const path of [
    "/account",
    "/account/add-child",
    "/account/data",
    "/api/me",
    "/api/auth/session",
    "/schools/letter/8-10?school=Hillside",
  ]) {
    const cache = (await request.get(path, { maxRedirects: 0 })).headers()["cache-control"] ?? "";
    expect(cache, path).toMatch(/private|no-store|no-cache/);
    expect(cache, path).not.toMatch(/(^|, )public/);
  }
});
