// Vitest global set-up for integration tests: one real PostgreSQL (the embedded one) per run,
// with a template database built by `prisma migrate deploy` that each test file copies.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { runBin } from "../../scripts/child-processes";

export const TEMPLATE_DATABASE = "talkoften_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-it-"));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
  const server = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE });
  const code = await runBin("prisma", "prisma", ["migrate", "deploy"], {
    ...process.env,
    DATABASE_URL: server.url(),
  }).done;
  if (code !== 0) throw new Error(`prisma migrate deploy failed on the test template (exit code ${code})`);
  project.provide("postgresAdminUrl", server.url("postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
