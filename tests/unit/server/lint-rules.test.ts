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

/** Expects the lint to report `rule` for `code` in each file of `refusedIn`, and not in `allowedIn`. */
async function expectRule(
  rule: string,
  code: string,
  { refusedIn = [], allowedIn = [] }: { refusedIn?: string[]; allowedIn?: string[] },
): Promise<void> {
  for (const file of refusedIn) expect(await ruleIds(code, file), file).toContain(rule);
  for (const file of allowedIn) expect(await ruleIds(code, file), file).not.toContain(rule);
}

describe("the lint", () => {
  it("refuses the database or Prisma under app/ and components/, and allows them in lib/", async () => {
    const db = 'import { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    const prisma = 'import type { User } from "@/prisma/generated/client";\nexport type U = User;\n';
    await expectRule("no-restricted-imports", db, {
      refusedIn: ["app/account/some-page.tsx"],
      allowedIn: ["lib/accounts/some-query.ts"],
    });
    await expectRule("no-restricted-imports", prisma, { refusedIn: ["components/account/some-form.tsx"] });
  });

  it("refuses a file name that is not kebab-case", async () => {
    await expectRule("talk-often/kebab-case-files", "export const x = 1;\n", {
      refusedIn: ["lib/accounts/addChild.ts", "lib/accounts/add_child.ts"],
      allowedIn: ["lib/accounts/add-child.ts", "app/(site)/checkin/[token]/page.tsx"],
    });
  });

  it("keeps lib/server free of every domain", async () => {
    for (const domain of ["accounts", "auth", "email", "guides", "reminders", "schools"]) {
      const code = `import { x } from "@/lib/${domain}/some-file";\nexport const y = x;\n`;
      await expectRule("no-restricted-imports", code, { refusedIn: ["lib/server/some-helper.ts"] });
    }
    const infrastructure = 'import { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    await expectRule("no-restricted-imports", infrastructure, { allowedIn: ["lib/server/some-helper.ts"] });
  });

  it("lets a lib/ domain import the domains below it, never one above", async () => {
    const fromGuides = 'import { x } from "@/lib/guides/taxonomy";\nexport const y = x;\n';
    const fromReminders = 'import { x } from "@/lib/reminders/plans";\nexport const y = x;\n';
    await expectRule("no-restricted-imports", fromGuides, { allowedIn: ["lib/reminders/some-file.ts"] });
    await expectRule("no-restricted-imports", fromReminders, {
      refusedIn: ["lib/guides/some-file.ts"],
      allowedIn: ["lib/accounts/some-file.ts"],
    });
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
    await expectRule("no-console", 'console.log("hello");\n', {
      refusedIn: ["lib/reminders/some-file.ts", "app/some-page/page.tsx"],
      allowedIn: ["lib/server/log.ts", "tests/unit/some.test.ts", "scripts/some-command.ts"],
    });
  });

  it("refuses process.env outside lib/server/env.ts, and allows it in scripts and tests", async () => {
    await expectRule("no-restricted-properties", "export const url = process.env.APP_URL;\n", {
      refusedIn: ["lib/reminders/some-file.ts", "app/some-page/page.tsx"],
      allowedIn: ["lib/server/env.ts", "scripts/some-command.ts", "tests/unit/some.test.ts"],
    });
  });
});
