// Reading a guide's MDX tree as a reader sees it: the components' names and attributes, and the
// visible words of a node, with <Explain term="…"> read as "term (meaning)" as the page shows it.
import { createProcessor } from "@mdx-js/mdx";
import type { Nodes, Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { NEVER_ASK_COMPONENT_NAME, neverAskForTheImageText } from "@/lib/guides/never-ask-for-the-image";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** The remark plugins a guide's body is read with: the same for the content check and for the page. */
export const GUIDE_REMARK_PLUGINS = [remarkGfm];

const processor = createProcessor({ remarkPlugins: [remarkFrontmatter, ...GUIDE_REMARK_PLUGINS] });

/** Parses an MDX body into the tree the page is compiled from (throws if the MDX does not parse). */
export function parseMdx(body: string, path?: string): Root {
  return processor.parse(new VFile({ path, value: body })) as Root;
}

export function isJsx(node: Nodes | RootContent): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

export function attribute(node: JsxElement, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name && typeof attr.value === "string")
      return attr.value;
  }
  return undefined;
}

/**
 * The visible words of a node, with <Explain term="…"> read as "term (meaning)" and a component that
 * prints fixed words (<NeverAskForTheImage />) read as those words.
 */
export function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (isJsx(node) && node.name === NEVER_ASK_COMPONENT_NAME) return neverAskForTheImageText();
  if (isJsx(node) && node.name === "Explain") {
    return `${attribute(node, "term") ?? ""} (${node.children.map((c) => textOf(c as Nodes)).join("")})`;
  }
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(node.type === "list" ? " " : "");
  return "";
}

const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

/** The guide's text block by block (paragraphs, headings, titles, starters), each with its node. */
export function blocksOf(tree: Root): { text: string; node: Nodes }[] {
  const blocks: { text: string; node: Nodes }[] = [];
  const add = (text: string, node: Nodes) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean) blocks.push({ text: clean, node });
  };
  visit(tree, (node) => {
    if (isJsx(node) && (node.name === "Activity" || node.name === "Step"))
      add(attribute(node, "title") ?? "", node);
    if (isJsx(node) && node.name === NEVER_ASK_COMPONENT_NAME) {
      add(textOf(node), node);
      return "skip";
    }
    if (isJsx(node) && node.name === "Starter" && !node.children.some((c) => c.type === "paragraph")) {
      add(textOf(node), node);
      return "skip";
    }
    if (BLOCKS.has(node.type)) {
      add(textOf(node), node);
      return "skip";
    }
  });
  return blocks;
}
