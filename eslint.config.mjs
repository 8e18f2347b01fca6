import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// File names are kebab-case (`send-mail.ts`, `check-in-form.tsx`); Next.js's own route names
// (`[token]`, `[...nextauth]`, `(site)`) are folders, and its file conventions are kebab-case already.
const KEBAB_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;
const kebabCaseFiles = {
  meta: { type: "suggestion", messages: { name: "File names are kebab-case: {{name}}" } },
  create(context) {
    const name = path.basename(context.filename);
    return {
      Program(node) {
        if (!KEBAB_FILE.test(name)) context.report({ node, messageId: "name", data: { name } });
      },
    };
  },
};

// The domains of lib/, highest first: a folder imports only the folders below it, so no two import
// each other. lib/server, at the bottom, is infrastructure and imports no domain.
export const LIB_LAYERS = ["accounts", "reminders", "schools", "auth", "email", "guides", "server"];
const layerRule = (layer) => [
  "error",
  {
    patterns: [
      {
        group: [...LIB_LAYERS.slice(0, LIB_LAYERS.indexOf(layer)).map((above) => `@/lib/${above}/*`)],
        message: `lib/${layer} sits below this folder (eslint.config.mjs LIB_LAYERS): move the shared piece down.`,
      },
    ],
  },
];
const layering = [
  ...LIB_LAYERS.slice(1).map((layer) => ({
    files: [`lib/${layer}/**`],
    rules: { "no-restricted-imports": layerRule(layer) },
  })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { "talk-often": { rules: { "kebab-case-files": kebabCaseFiles } } },
    rules: { "talk-often/kebab-case-files": "error" },
  },
  {
    // Prisma stays inside lib/: pages, routes and components call lib/<domain> functions, and server
    // actions get the database from lib/auth/server-action.ts.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/server/db", message: "Query through a function in lib/<domain> instead." }],
          patterns: [
            { group: ["@/prisma/*", "**/prisma/generated/*"], message: "Prisma stays inside lib/." },
            { group: ["@prisma/*"], message: "Prisma stays inside lib/." },
          ],
        },
      ],
    },
  },
  ...layering,
  {
    // Output goes through the log (lib/server/log.ts: scrubbed, JSON lines in production). Tests,
    // benchmarks and command-line scripts print for the person who ran them.
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: ["tests/**", "bench/**", "scripts/**", "lib/server/log.ts"],
    rules: { "no-console": "error" },
  },
  {
    // Settings come from lib/server/env.ts (checked with zod, documented in README), never from
    // process.env directly. Exceptions: the log reads LOG_FORMAT and LOG_DEBUG itself (it must work
    // while the environment is being checked), proxy.ts reads NODE_ENV (Next.js inlines it at build),
    // and scripts, tests and benchmarks set variables for the processes they start.
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: [
      "lib/server/env.ts",
      "lib/server/log.ts",
      "proxy.ts",
      "scripts/**",
      "tests/**",
      "bench/**",
      "*.config.{ts,mjs,js}",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings with getEnv() (lib/server/env.ts)." },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "prisma/generated/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
