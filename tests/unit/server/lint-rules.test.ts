// The layout rules the lint keeps: Prisma stays inside lib/, lib/'s domains import only the ones below
// them (lib/server none), output goes through the log, and file names are kebab-case.
import { readdirSync, readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId ?? "");
}

describe("the lint", () => {
  it("refuses the database or Prisma under app/ and components/, and allows them in lib/", async () => {
    const db = 'import { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    const prisma = 'import type { User } from "@/prisma/generated/client";\nexport type U = User;\n';
    expect(await ruleIds(db, "app/account/some-page.tsx")).toContain("no-restricted-imports");
    expect(await ruleIds(prisma, "components/account/some-form.tsx")).toContain("no-restricted-imports");
    expect(await ruleIds(db, "lib/accounts/some-query.ts")).not.toContain("no-restricted-imports");
  });

  it("refuses a file name that is not kebab-case", async () => {
    const code = "export const x = 1;\n";
    expect(await ruleIds(code, "lib/accounts/addChild.ts")).toContain("talk-often/kebab-case-files");
    expect(await ruleIds(code, "lib/accounts/add_child.ts")).toContain("talk-often/kebab-case-files");
    expect(await ruleIds(code, "lib/accounts/add-child.ts")).not.toContain("talk-often/kebab-case-files");
    expect(await ruleIds(code, "app/(site)/checkin/[token]/page.tsx")).not.toContain(
      "talk-often/kebab-case-files",
    );
  });

  it("keeps lib/server free of every domain", async () => {
    for (const domain of ["accounts", "auth", "email", "guides", "reminders", "schools"]) {
      const code = `import { x } from "@/lib/${domain}/some-file";\nexport const y = x;\n`;
      expect(await ruleIds(code, "lib/server/some-helper.ts")).toContain("no-restricted-imports");
    }
    const infrastructure = 'import { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    expect(await ruleIds(infrastructure, "lib/server/some-helper.ts")).not.toContain("no-restricted-imports");
  });

  it("lets a lib/ domain import the domains below it, never one above", async () => {
    const fromGuides = 'import { x } from "@/lib/guides/taxonomy";\nexport const y = x;\n';
    const fromReminders = 'import { x } from "@/lib/reminders/plans";\nexport const y = x;\n';
    expect(await ruleIds(fromGuides, "lib/reminders/some-file.ts")).not.toContain("no-restricted-imports");
    expect(await ruleIds(fromReminders, "lib/guides/some-file.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(fromReminders, "lib/accounts/some-file.ts")).not.toContain("no-restricted-imports");
  });

  it("finds no two lib/ domains that import each other", () => {
    const edges = new Set<string>();
    const files = readdirSync("lib", { recursive: true, encoding: "utf8" })
      .filter((name) => /\.(ts|tsx|mjs)$/.test(name))
      .map((name) => `lib/${name}`);
    for (const file of files) {
      const from = file.split("/")[1];
      for (const [, to] of readFileSync(file, "utf8").matchAll(/from "@\/lib\/([a-z-]+)\/[^"]+"/g)) {
        if (to !== from) edges.add(`${from} -> ${to}`);
      }
    }
    const bothWays = [...edges].filter((edge) => edges.has(edge.split(" -> ").reverse().join(" -> ")));
    expect(bothWays).toEqual([]);
  });

  it("refuses console.* outside the log module, tests, benchmarks and scripts", async () => {
    const code = 'console.log("hello");\n';
    expect(await ruleIds(code, "lib/reminders/some-file.ts")).toContain("no-console");
    expect(await ruleIds(code, "app/some-page/page.tsx")).toContain("no-console");
    expect(await ruleIds(code, "lib/server/log.ts")).not.toContain("no-console");
    expect(await ruleIds(code, "tests/unit/some.test.ts")).not.toContain("no-console");
    expect(await ruleIds(code, "scripts/some-command.ts")).not.toContain("no-console");
  });

  it("refuses process.env outside lib/server/env.ts, and allows it in scripts and tests", async () => {
    const code = "export const url = process.env.APP_URL;\n";
    expect(await ruleIds(code, "lib/reminders/some-file.ts")).toContain("no-restricted-properties");
    expect(await ruleIds(code, "app/some-page/page.tsx")).toContain("no-restricted-properties");
    expect(await ruleIds(code, "lib/server/env.ts")).not.toContain("no-restricted-properties");
    expect(await ruleIds(code, "scripts/some-command.ts")).not.toContain("no-restricted-properties");
    expect(await ruleIds(code, "tests/unit/some.test.ts")).not.toContain("no-restricted-properties");
  });
});
