// Builds a throw-away content/ folder: a valid copy of the real guides, with one file changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import { ContentError, loadGuides } from "@/lib/guides/load-guides";

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

/** The content check's problems for the guides with `file` changed; none when it passes. */
export function contentProblems(file: string, change: (source: string) => string): string[] {
  try {
    loadGuides(contentWith(file, change));
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

/** The same, for a change the check must refuse: no problem at all fails the test. */
export function rejectedFor(file: string, change: (source: string) => string): string[] {
  const problems = contentProblems(file, change);
  if (problems.length === 0) throw new Error("expected the broken guide to be rejected");
  return problems;
}
