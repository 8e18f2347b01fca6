// A fresh database for one integration test file, copied from the migrated template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb } from "@/lib/server/db";

export type TestDatabase = {
  url: string;
  name: string;
  db: ReturnType<typeof createDb>;
  drop(): Promise<void>;
};

export async function createTestDatabase(options: { template?: string | null } = {}): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  const template = options.template === undefined ? inject("templateDatabase") : options.template;
  const name = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url);
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
