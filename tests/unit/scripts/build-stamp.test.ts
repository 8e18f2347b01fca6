import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, recordBuild, sourceHash } from "../../../scripts/build-stamp";

function project() {
  const root = mkdtempSync(path.join(os.tmpdir(), "talkoften-stamp-"));
  mkdirSync(path.join(root, "app"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() {}");
  writeFileSync(path.join(root, "package-lock.json"), "{}");
  return root;
}

describe("the production build stamp", () => {
  it("calls a project with no build stale", async () => {
    expect(await buildIsCurrent(project())).toBe(false);
  });

  it("calls a build current until a source file changes", async () => {
    const root = project();
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    await recordBuild(root, await sourceHash(root));
    expect(await buildIsCurrent(root)).toBe(true);

    writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return 1 }");
    expect(await buildIsCurrent(root)).toBe(false);
  });

  it("notices new files and ignores the generated Prisma client", async () => {
    const root = project();
    const before = await sourceHash(root);
    mkdirSync(path.join(root, "prisma", "generated"), { recursive: true });
    writeFileSync(path.join(root, "prisma", "generated", "client.ts"), "x");
    expect(await sourceHash(root)).toBe(before);
    mkdirSync(path.join(root, "content"));
    writeFileSync(path.join(root, "content", "guide.mdx"), "# Hi");
    expect(await sourceHash(root)).not.toBe(before);
  });
});

describe("the build settings", () => {
  it("make a new build when APP_URL changes", async () => {
    const root = project();
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    await recordBuild(root, await sourceHash(root, "https://a.example"));
    expect(await buildIsCurrent(root, "https://a.example")).toBe(true);
    expect(await buildIsCurrent(root, "https://b.example")).toBe(false);
  });
});
