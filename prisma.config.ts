// Prisma CLI configuration: the JavaScript schema engine talks to PostgreSQL through
// node-postgres, so no native engine binary is ever downloaded (see README, "Design decisions").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";

// The CLI reads env("DATABASE_URL") from the schema even for commands that never connect
// (generate, migrate diff). Those get a placeholder host that can never resolve, so a command
// that does connect without DATABASE_URL fails naming "database-url-not-set.invalid".
// `npm run db -- <command>` sets DATABASE_URL to the embedded PostgreSQL.
process.env.DATABASE_URL ??= "postgresql://database-url-not-set.invalid/talkoften";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return cliAdapter(process.env.DATABASE_URL!);
  },
});
