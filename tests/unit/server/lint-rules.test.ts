// The layout rules the lint keeps: Prisma stays inside lib/, and file names are kebab-case.
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
});
