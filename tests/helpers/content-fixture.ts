// Builds a throw-away content/ folder: a valid copy of the real guides, with one file changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

export function contentWith(file: string, change: (source: string) => string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "talkoften-content-"));
  // A copy of every guide each time: gone when the test ends (or the process, outside a test).
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    process.once("exit", remove);
  }
  const contentDir = path.join(root, "content");
  cpSync(path.resolve("content"), contentDir, { recursive: true });
  const target = path.join(contentDir, file);
  writeFileSync(target, change(readFileSync(target, "utf8")));
  return contentDir;
}

/** Replaces one front-matter line ("key: value") in an MDX source. */
export function setFrontMatter(source: string, key: string, value: string | null): string {
  const pattern = new RegExp(`^${key}:.*$`, "m");
  if (value === null) return source.replace(new RegExp(`^${key}:.*\\n`, "m"), "");
  return pattern.test(source)
    ? source.replace(pattern, `${key}: ${value}`)
    : source.replace(/^---\n/, `---\n${key}: ${value}\n`);
}
