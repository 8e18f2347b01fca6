// The committed migrations and the schema must describe the same database: one built by
// `prisma migrate deploy` and one built from the whole schema are compared through pg_catalog.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/database";

let fromMigrations: TestDatabase;
let fromSchema: TestDatabase;

beforeAll(async () => {
  fromMigrations = await createTestDatabase(); // the template was built by `prisma migrate deploy`
  fromSchema = await createTestDatabase({ template: null });
  const sql = execFileSync(
    process.execPath,
    [
      path.resolve("node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    {
      env: { ...process.env, DATABASE_URL: fromSchema.url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  await run(fromSchema.url, sql);
});

afterAll(async () => {
  await fromMigrations?.drop();
  await fromSchema?.drop();
});

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)) as pg.QueryResult;
  } finally {
    await client.end();
  }
}

const CATALOG_QUERIES = {
  columns: `
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
           character_maximum_length, numeric_precision, datetime_precision
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`,
  indexes: `
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    ORDER BY tablename, indexname`,
  constraints: `
    SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
    ORDER BY rel.relname, con.conname`,
  enums: `
    SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
    WHERE ns.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
};

describe("prisma/migrations", () => {
  for (const [what, sql] of Object.entries(CATALOG_QUERIES)) {
    it(`build the same ${what} as the schema`, async () => {
      const expected = (await run(fromSchema.url, sql)).rows;
      const actual = (await run(fromMigrations.url, sql)).rows;
      if (what !== "enums") expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }

  it("are all applied to the template, with none failed", async () => {
    const rows = (
      await run(
        fromMigrations.url,
        "SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at FROM _prisma_migrations",
      )
    ).rows;
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(rows.map((row) => row.migration_name).sort()).toEqual(folders);
    expect(rows.every((row) => row.finished && row.rolled_back_at === null)).toBe(true);
  });
});
