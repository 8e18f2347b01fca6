// Decides whether the production build in .next is current: a hash of everything the build reads
// is stored beside it, and a new build is needed when there is no build or the hash differs.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "content", "lib", "public", "prisma"];
const INPUT_FILES = [
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "mdx-components.tsx",
  "proxy.ts",
  "tsconfig.app.json",
];
const IGNORED = new Set(["node_modules", "generated", "migrations"]);

/** A hash of the build's inputs: its source files, and `settings` baked in at build time (APP_URL). */
export async function sourceHash(root: string, settings = ""): Promise<string> {
  const hash = createHash("sha256").update(settings).update("\0");
  const files = [...INPUT_FILES.map((f) => path.join(root, f))];
  for (const dir of INPUT_DIRS) files.push(...(await listFiles(path.join(root, dir))));
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    hash
      .update(path.relative(root, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(root: string, settings = ""): Promise<boolean> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    const stamp = (await readFile(stampFile(root), "utf8")).trim();
    return stamp === (await sourceHash(root, settings));
  } catch {
    return false;
  }
}

export async function recordBuild(root: string, hash: string): Promise<void> {
  await writeFile(stampFile(root), `${hash}\n`);
}

function stampFile(root: string): string {
  return path.join(root, ".next", "talk-often-source-hash");
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (IGNORED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
