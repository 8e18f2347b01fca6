// Checks a guide's text as the page renders it. MDX turns an <Explain> that sits on lines of its own
// into a block, which splits the sentence around it into separate paragraphs; a blank line inside a
// sentence does the same; and "as a<Explain …>" renders as "as amoderator". Each problem names the
// line in the .mdx file.
import type { Nodes, Root } from "mdast";
import { visitParents } from "unist-util-visit-parents";
import { SECTION_COMPONENTS } from "@/lib/guides/guide-component-names";
import { attribute, isJsx, textOf, type JsxElement } from "@/lib/guides/mdx-text";

/** Components that belong inside a sentence, never on lines of their own. */
export const INLINE_COMPONENTS = ["Explain"] as const;

/** How a paragraph may end: a full stop, question or exclamation mark, ellipsis or colon, then
 * any closing quotes or brackets. */
const CLOSED = /[.!?…:]["”’')\]]*$/;

/**
 * Every rendering fault in a guide's MDX tree. `lineOffset` is the number of lines of front matter
 * stripped before parsing, so that lines are counted in the file.
 */
export function checkRendering(tree: Root, lineOffset = 0): string[] {
  const problems: string[] = [];
  const at = (node: Nodes) => `line ${(node.position?.start.line ?? 0) + lineOffset}`;

  visitParents(tree, (node, ancestors) => {
    if (isJsx(node) && isInline(node)) {
      problems.push(...checkInline(node, ancestors.at(-1) as Nodes | undefined, at));
      return "skip";
    }
    if (isJsx(node) && (SECTION_COMPONENTS as readonly string[]).includes(node.name ?? "")) {
      if (!clean(textOf(node))) problems.push(`${at(node)}: <${node.name}> has no text in it`);
      return;
    }
    if (node.type !== "paragraph") return;
    // List items read as fragments ("- a new app on their device"), so only prose paragraphs are held
    // to sentence rules.
    if (ancestors.some((a) => a.type === "listItem")) return;
    const text = clean(textOf(node));
    if (!text) return;
    if (!CLOSED.test(text))
      problems.push(
        `${at(node)}: a paragraph stops mid-sentence, without closing punctuation ("${tail(text)}")`,
      );
    if (/^\p{Ll}/u.test(text) && !/^\p{Ll}+\p{Lu}/u.test(text))
      problems.push(
        `${at(node)}: a paragraph starts in lower case, cut from the sentence before ("${head(text)}")`,
      );
  });
  return problems;
}

function isInline(node: JsxElement): boolean {
  return (INLINE_COMPONENTS as readonly string[]).includes(node.name ?? "");
}

function checkInline(node: JsxElement, parent: Nodes | undefined, at: (node: Nodes) => string): string[] {
  const problems: string[] = [];
  const tag = `<${node.name}${attribute(node, "term") ? ` term="${attribute(node, "term")}"` : ""}>`;
  if (node.type === "mdxJsxFlowElement") {
    problems.push(
      `${at(node)}: ${tag} stands on lines of its own, so it renders as a separate block and splits the sentence; put it on the same line as the words around it`,
    );
    return problems;
  }
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start !== undefined && end !== undefined && end > start)
    problems.push(
      `${at(node)}: ${tag} runs over ${end - start + 1} lines; write it on one line, inside its sentence`,
    );

  if (!parent || !("children" in parent)) return problems;
  const siblings = parent.children as Nodes[];
  const index = siblings.indexOf(node);
  const before = index > 0 ? textOf(siblings[index - 1]!) : "";
  // Starting a line mid-sentence works today, but one re-wrap away from the block above.
  const sentenceSoFar = siblings.slice(0, index).map(textOf).join("").trim();
  if (/\n[ \t]*$/.test(before) && sentenceSoFar && !CLOSED.test(sentenceSoFar))
    problems.push(
      `${at(node)}: ${tag} starts a line in the middle of a sentence; keep it on the line with the words before it`,
    );
  const after = index < siblings.length - 1 ? textOf(siblings[index + 1]!) : "";
  const shown = textOf(node);
  if (/[\p{L}\p{N}]$/u.test(before)) {
    const word = before.split(/\s/).at(-1)!;
    problems.push(
      `${at(node)}: no space before ${tag}, so the words run together ("${word}${shown.split(" ")[0]}"); add a space after "${word}"`,
    );
  }
  if (/^[\p{L}\p{N}]/u.test(after)) {
    const word = after.split(/\s/)[0]!;
    problems.push(`${at(node)}: no space after ${tag}, so the words run together ("…)${word}")`);
  }
  return problems;
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function tail(text: string): string {
  return text.length > 50 ? `…${text.slice(-50)}` : text;
}

function head(text: string): string {
  return text.length > 50 ? `${text.slice(0, 50)}…` : text;
}
