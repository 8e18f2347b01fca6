// Loads and checks every guide in content/: front matter, the components a guide may use and
// their order, conversation starters, internal links, the text as it renders (check-rendering.ts),
// a source for every figure (check-figures.ts) and the safeguarding rules (check-safeguarding.ts).
// Any problem stops the build with a message naming the file and the field or line (see
// content/README.md for the rules).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { Root, Nodes } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import { visitParents } from "unist-util-visit-parents";
import { VFile } from "vfile";
import { matter } from "vfile-matter";
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { checkFigures } from "@/lib/guides/check-figures";
import { checkRendering } from "@/lib/guides/check-rendering";
import { checkEvidenceAdvice, checkReassurance, checkTakeDownWarning } from "@/lib/guides/check-safeguarding";
import { checkFrontMatter, type FrontMatter } from "@/lib/guides/front-matter";
import { attribute, blocksOf, isJsx, parseMdx, textOf } from "@/lib/guides/mdx-text";
import { GUIDE_SLUGS, isTopic, type GuideSlug } from "@/lib/guides/taxonomy";
import { contractUrls } from "@/lib/guides/url-contract";
import { COMPONENTS } from "@/lib/guides/guide-component-names";

export type Guide = {
  /** Path from the repository root, e.g. "content/8-10/live-streaming.mdx". */
  file: string;
  /** The page's path, e.g. "/guides/8-10/live-streaming". */
  path: string;
  ageGroup: AgeGroupSlug;
  slug: GuideSlug;
  frontMatter: FrontMatter;
  /** The MDX body, without front matter. */
  body: string;
  starters: string[];
  activities: { title: string; text: string }[];
  /** The titles of its <Step>s ("if-youre-worried" has them), in order. */
  steps: string[];
  internalLinks: string[];
  /** The guide's words as sentences, for search and the reading-ease test. */
  sentences: string[];
};

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The guides in content/ have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ContentError";
  }
}

const TOPIC_SECTIONS = [
  "WhyItMatters",
  "WhatItCanLookLike",
  "ConversationStarters",
  "ListenFor",
  "DoTogether",
  "HelpRoutes",
] as const;

const PARENT_OF: Record<string, string> = {
  Starter: "ConversationStarters",
  Activity: "DoTogether",
  Step: "Steps",
};

export const MIN_STARTERS = 6;

/** Every site path a guide may link to: the public URL contract, and search. */
export function sitePaths(): Set<string> {
  return new Set([...contractUrls().map((url) => url.path), "/search"]);
}

let cache: Guide[] | undefined;

/** Every guide, checked; throws ContentError listing every problem found. Cached per process. */
export function getGuides(): Guide[] {
  cache ??= loadGuides(path.join(process.cwd(), "content"));
  return cache;
}

export function findGuide(ageGroup: string, slug: string): Guide | undefined {
  return getGuides().find((guide) => guide.ageGroup === ageGroup && guide.slug === slug);
}

/** Loads and checks the guides in `contentDir` without caching. */
export function loadGuides(contentDir: string): Guide[] {
  const { guides, problems } = inspectGuides(contentDir);
  if (problems.length) throw new ContentError(problems);
  return guides;
}

/** Every guide that could be read, and every problem found, without throwing. */
export function inspectGuides(contentDir: string): { guides: Guide[]; problems: string[] } {
  const problems: string[] = [];
  const guides: Guide[] = [];
  const root = path.dirname(contentDir);

  for (const group of AGE_GROUPS) {
    for (const slug of GUIDE_SLUGS) {
      const full = path.join(contentDir, group.slug, `${slug}.mdx`);
      if (!existsSync(full))
        problems.push(`${path.relative(root, full)}: missing (every age group needs this guide)`);
    }
  }
  for (const file of listMdx(contentDir)) {
    const relative = path.relative(root, file);
    const parsed = parseGuide(file, relative);
    if ("problems" in parsed) problems.push(...parsed.problems.map((p) => `${relative}: ${p}`));
    else guides.push(parsed.guide);
  }

  // Checks across guides: links that lead nowhere, and starters used twice.
  const paths = sitePaths();
  const starterOwner = new Map<string, string>();
  for (const guide of guides) {
    for (const link of guide.internalLinks) {
      const target = link.split(/[?#]/)[0]!.replace(/\/$/, "") || "/";
      if (!paths.has(target)) problems.push(`${guide.file}: link to "${link}" leads to no page`);
    }
    for (const starter of guide.starters) {
      const key = normalise(starter);
      const owner = starterOwner.get(key);
      if (owner && owner !== guide.file)
        problems.push(`${guide.file}: starter "${starter}" is also in ${owner}`);
      else starterOwner.set(key, guide.file);
    }
  }
  return { guides: guides.sort((a, b) => a.path.localeCompare(b.path)), problems };
}

function listMdx(contentDir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of readdirSync(path.join(contentDir, entry.name))) {
      if (name.endsWith(".mdx")) files.push(path.join(contentDir, entry.name, name));
    }
  }
  return files.sort();
}

function parseGuide(full: string, relative: string): { guide: Guide } | { problems: string[] } {
  const source = readFileSync(full, "utf8");
  const file = new VFile({ path: full, value: source });
  try {
    matter(file, { strip: true });
  } catch (error) {
    return { problems: [`front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`] };
  }
  const problems: string[] = [];
  const checked = checkFrontMatter(
    file.data.matter && Object.keys(file.data.matter).length ? file.data.matter : undefined,
  );
  if (!checked.ok) problems.push(...checked.problems);

  const [ageFolder, fileName] = relative.split(path.sep).slice(-2) as [string, string];
  const slug = fileName.replace(/\.mdx$/, "");
  if (!AGE_GROUPS.some((g) => g.slug === ageFolder))
    problems.push(`folder "${ageFolder}" is not an age group`);
  if (!GUIDE_SLUGS.includes(slug as GuideSlug))
    problems.push(`file name "${slug}" is not a guide (${GUIDE_SLUGS.join(", ")})`);
  if (checked.ok && checked.value.ageGroup !== ageFolder)
    problems.push(`front matter "ageGroup" is ${checked.value.ageGroup} but the file is in ${ageFolder}/`);
  if (checked.ok && checked.value.topic !== slug)
    problems.push(`front matter "topic" is ${checked.value.topic} but the file is ${slug}.mdx`);

  let tree: Root;
  const body = String(file.value);
  // Lines of front matter stripped from the body, so that problems name lines in the file.
  const lineOffset = source.split("\n").length - body.split("\n").length;
  try {
    tree = parseMdx(body, full);
  } catch (error) {
    const line = (error as { line?: number }).line;
    const place = line === undefined ? undefined : line + lineOffset;
    return {
      problems: [
        ...problems,
        `MDX does not parse${place ? ` at line ${place}` : ""}: ${(error as Error).message}`,
      ],
    };
  }

  problems.push(...checkStructure(tree, slug, lineOffset));
  problems.push(...checkRendering(tree, lineOffset));
  problems.push(...checkTakeDownWarning(tree, lineOffset));
  problems.push(...checkEvidenceAdvice(tree, lineOffset));
  if (checked.ok) {
    const blocks = blocksOf(tree).map(({ text, node }) => ({
      text,
      line: (node.position?.start.line ?? 0) + lineOffset,
    }));
    problems.push(...checkFigures(blocks, checked.value.claims));
    problems.push(...checkReassurance(tree, checked.value.claims, lineOffset));
  }
  if (problems.length || !checked.ok) return { problems };

  const starters: string[] = [];
  const activities: Guide["activities"] = [];
  const steps: string[] = [];
  const internalLinks: string[] = [];
  visit(tree, (node) => {
    if (isJsx(node) && node.name === "Starter") starters.push(textOf(node).trim());
    if (isJsx(node) && node.name === "Activity")
      activities.push({ title: attribute(node, "title") ?? "", text: textOf(node) });
    if (isJsx(node) && node.name === "Step") steps.push(attribute(node, "title") ?? "");
    if (node.type === "link" && !/^[a-z]+:/i.test(node.url) && !node.url.startsWith("#"))
      internalLinks.push(node.url);
  });

  return {
    guide: {
      file: relative.split(path.sep).join("/"),
      path: `/guides/${ageFolder}/${slug}`,
      ageGroup: ageFolder as AgeGroupSlug,
      slug: slug as GuideSlug,
      frontMatter: checked.value,
      body,
      starters,
      activities,
      steps,
      internalLinks,
      sentences: sentencesOf(tree),
    },
  };
}

function checkStructure(tree: Root, slug: string, lineOffset: number): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  visitParents(tree, (node, ancestors) => {
    const line = (node.position?.start.line ?? 0) + lineOffset;
    if (node.type === "mdxjsEsm") problems.push("imports and exports are not allowed in guides");
    if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression")
      problems.push(`{…} expressions are not allowed in guides (line ${line})`);
    if (!isJsx(node)) return;
    const name = node.name ?? "(fragment)";
    used.add(name);
    if (!(COMPONENTS as readonly string[]).includes(name)) {
      problems.push(`unknown component <${name}> at line ${line} (known: ${COMPONENTS.join(", ")})`);
      return;
    }
    const expectedParent = PARENT_OF[name];
    const jsxParent = [...ancestors].reverse().find((a) => isJsx(a as Nodes)) as
      MdxJsxFlowElement | undefined;
    if (expectedParent && jsxParent?.name !== expectedParent)
      problems.push(`<${name}> at line ${line} must be inside <${expectedParent}>`);
    if ((name === "Activity" || name === "Step") && !attribute(node, "title"))
      problems.push(`<${name}> at line ${line} needs a title="…"`);
    if (name === "Explain" && !attribute(node, "term"))
      problems.push(`<Explain> at line ${line} needs a term="…"`);
  });

  const topLevel = tree.children.filter(isJsx).map((node) => node.name ?? "");
  const last = [...tree.children].reverse().find((node) => node.type !== "html");
  if (!(last && isJsx(last) && last.name === "HelpRoutes")) problems.push("must end with <HelpRoutes />");

  const starters = countNamed(tree, "Starter");
  if (isTopic(slug)) {
    const sections = topLevel.filter((name) => (TOPIC_SECTIONS as readonly string[]).includes(name));
    if (sections.join() !== TOPIC_SECTIONS.join())
      problems.push(
        `a topic guide needs ${TOPIC_SECTIONS.map((s) => `<${s}>`).join(", ")}, each once and in that order (found ${sections.join(", ") || "none"})`,
      );
    const activities: string[] = [];
    visit(tree, (node) => {
      if (isJsx(node) && node.name === "Activity")
        activities.push(`${attribute(node, "title")} ${textOf(node)}`);
    });
    if (activities.length < 3)
      problems.push(`<DoTogether> needs at least 3 <Activity>s (found ${activities.length})`);
    if (!activities.some((text) => /privacy/i.test(text)))
      problems.push("<DoTogether> needs an <Activity> about privacy settings");
  }
  if ((isTopic(slug) || slug === "start-talking") && starters < MIN_STARTERS)
    problems.push(`needs at least ${MIN_STARTERS} <Starter>s (found ${starters})`);
  if (slug === "if-youre-worried") {
    if (!used.has("Steps")) problems.push("needs <Steps> saying what to do");
    if (!/\b999\b/.test(sentencesOf(tree).join(" ")))
      problems.push("must say to call 999 if a child is in danger now");
  }
  return problems;
}

function countNamed(tree: Root, name: string): number {
  let count = 0;
  visit(tree, (node) => {
    if (isJsx(node) && node.name === name) count += 1;
  });
  return count;
}

/** The guide's text as sentences: each block is closed with a full stop if it has none. */
function sentencesOf(tree: Root): string[] {
  return blocksOf(tree).map(({ text }) => (/[.!?…:;"”’)]$/.test(text) ? text : `${text}.`));
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
