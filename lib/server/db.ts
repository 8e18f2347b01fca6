// The one Prisma client of this process, over node-postgres (Prisma's JavaScript engine:
// no native query engine). Created on first use, and kept across hot reloads in development.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { getEnv } from "@/lib/server/env";

const globalForDb = globalThis as unknown as { talkOftenDb?: PrismaClient };

/** The client a `db.$transaction(async (tx) => …)` callback is given. */
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The shared Prisma client. Throws a clear error when no database is configured. */
export function getDb(): PrismaClient {
  globalForDb.talkOftenDb ??= createDb(databaseUrl());
  return globalForDb.talkOftenDb;
}

/** A new client for `connectionString`; for scripts and tests that manage their own. */
export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

function databaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return url;
}
