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
