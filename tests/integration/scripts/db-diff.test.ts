import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ template: null });
});
afterAll(async () => database?.drop());

function dbDiff(args: string[]) {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/db-diff.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("npm run db:diff", () => {
  it("writes a migration folder for what changed between two schemas", () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "talkoften-dbdiff-"));
    const changed = path.join(scratch, "schema.prisma");
    writeFileSync(
      changed,
      readFileSync("prisma/schema.prisma", "utf8") + "\nmodel Thing {\n  id String @id\n  label String?\n}\n",
    );
    const out = path.join(scratch, "migrations");
    const printed = dbDiff([
      "add_thing",
      "--from",
      "prisma/schema.prisma",
      "--schema",
      changed,
      "--out",
      out,
    ]);

    const [folder, ...others] = readdirSync(out);
    expect(others).toEqual([]);
    expect(folder).toMatch(/^\d{14}_add_thing$/);
    expect(printed).toContain(folder);
    const sql = readFileSync(path.join(out, folder!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Thing"');
    expect(sql).not.toContain('CREATE TABLE "User"');
  });

  it("writes nothing when the schema has not changed", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "talkoften-dbdiff-")), "migrations");
    const printed = dbDiff(["nothing", "--from", "prisma/schema.prisma", "--out", out]);
    expect(printed).toContain("no migration written");
    expect(() => readdirSync(out)).toThrow();
  });

  it("refuses a migration name that would make an awkward folder", () => {
    expect(() => dbDiff(["Add Thing!"])).toThrow(/Usage: npm run db:diff/);
  });
});
