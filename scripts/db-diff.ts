// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the committed schema (git HEAD) and the working one. `prisma migrate dev`
// cannot run here, so this is how a migration is made. Options, for tests and odd cases:
//   --from <file>   compare against this schema file instead of the committed one
//   --schema <file> the new schema (default prisma/schema.prisma)
//   --out <dir>     the migrations folder (default prisma/migrations)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { exitOnEnvError, resolveRuntimeEnv } from "./runtime-env";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, schema: { type: "string" }, out: { type: "string" } },
});
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "Usage: npm run db:diff -- <name>   (name: lower-case letters, digits and _, e.g. add_check_ins)",
  );
  process.exit(2);
}
const schema = path.resolve(values.schema ?? "prisma/schema.prisma");
const migrations = path.resolve(values.out ?? "prisma/migrations");

const scratch = mkdtempSync(path.join(os.tmpdir(), "talkoften-diff-"));
let from = values.from ? path.resolve(values.from) : null;
if (!from) {
  try {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
    from = path.join(scratch, "committed.prisma");
    writeFileSync(from, committed);
  } catch {
    from = null; // nothing committed yet: diff from an empty database
  }
}

// Prisma's JavaScript schema engine needs a database connection even for a diff of two files.
const runtime = await resolveRuntimeEnv({ production: false }).catch(exitOnEnvError);
const prisma = path.resolve("node_modules/prisma/build/index.js");
let sql: string;
try {
  sql = execFileSync(
    process.execPath,
    [
      prisma,
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    { env: runtime.vars, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
} finally {
  await runtime.embedded?.stop();
  rmSync(scratch, { recursive: true, force: true });
}

if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/im.test(sql)) {
  console.log("The schema has not changed since the last commit: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrations, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), path.join(folder, "migration.sql"))}`);
process.exit(0);
