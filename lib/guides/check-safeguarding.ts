// Safeguarding checks on a guide's text as it renders (the second safeguarding review, issue 26):
//  - a guide that names Report Remove or Take It Down carries <NeverAskForTheImage /> beside it, because
//    both tools need the picture and a parent who follows them may ask the child to send it to them;
//  - advice to keep evidence (screenshots, the messages, the chat) comes with "never screenshot, save or
//    forward" anything showing nudity, in the same paragraph, step or activity, or the one next to it;
//  - reassurance about how rare or small a harm is ("problems are rare, and usually small") has a source.
// Each problem names the line in the .mdx file.
import type { Nodes, Root, RootContent } from "mdast";
import type { Claim } from "@/lib/guides/check-figures";
import { NEVER_ASK_COMPONENT_NAME } from "@/lib/guides/never-ask-for-the-image";
import { blocksOf, isJsx } from "@/lib/guides/mdx-text";

/** The two take-down tools that need the picture itself. */
export const TAKE_DOWN_TOOLS = /\b(Report Remove|Take It Down)\b/i;

/**
 * Advice to keep or save evidence: each phrase tells a parent or child to hold on to messages, a chat or
 * screenshots, where a nude image may be. The review's M2 quote is "Keep the messages and the username."
 */
export const EVIDENCE_ADVICE: readonly RegExp[] = [
  /\btake (?:a |the |some |any )?screenshots?\b/i,
  // "Screenshot the messages", not "a screenshot of your messages went round" (a noun, not advice).
  /(?<!\b(?:a|an|the|one|that|this)\s)\bscreenshot (?:the|their|your|any|all|every|each|of|messages?|comments?|chats?|threats?)\b/i,
  /\bscreen[- ]?record/i,
  /\b(?:keep|save|store|copy|collect|gather)\s+(?:a copy of\s+)?(?:the |any |all |every |their |your |a |some )?(?:messages?|chats?|conversations?|texts?|DMs|threads?|comments?|usernames?|evidence|records?|emails?|screenshots?)\b/i,
  /\bkeep (?:a )?(?:note|log) of\b/i,
  /\b(?:don't|do not|never) delete (?:the |any |their |your )?(?:messages?|chats?|conversations?|evidence|account)\b/i,
];

/**
 * The advice to keep evidence in a sentence, if any. "Keep the chat secret" and "keep chat to friends"
 * are not advice to keep evidence.
 */
export function evidenceAdviceIn(sentence: string): string | undefined {
  for (const pattern of EVIDENCE_ADVICE) {
    const match = sentence.match(pattern);
    if (!match) continue;
    const restOfClause = sentence.slice((match.index ?? 0) + match[0].length).split(/[.;:!?]/)[0]!;
    // "Keep the chat secret" or "keep chat to friends" limits it; it is not advice to keep evidence.
    if (!/\b(?:secret|private|hidden)\b/i.test(restOfClause) && !/^\s*to\b/i.test(restOfClause))
      return match[0];
  }
  return undefined;
}

const NEGATION = /\b(?:never|not|don't|do not|no one|nobody)\b/i;
const NUDITY = /\bnud(?:e|es|ity)\b|\bnaked\b|\bsexual (?:image|picture|photo|video)s?\b/i;
const NEVER_VERBS = [/\bscreenshot/i, /\bsav(?:e|ed|es|ing)\b/i, /\bforward/i];

/** True when a sentence says never to screenshot, save or forward anything showing nudity. */
export function isNudityWarning(sentence: string): boolean {
  return NEGATION.test(sentence) && NUDITY.test(sentence) && NEVER_VERBS.every((verb) => verb.test(sentence));
}

const ADVERB = String.raw`(?:very |quite |fairly |pretty |extremely |still |usually |often |generally |mostly )?`;
/**
 * Reassurance about how rare or small a harm is. The first group of each pattern is the word a claim must
 * use for the sentence to count as sourced. Patterns name the harm ("problems are rare") or a quantity of
 * it ("a small risk", "most of the time nothing goes wrong"), so that "a rare skin" or "teens rarely open
 * up" are not reassurance.
 */
export const REASSURANCE: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:problems?|harms?|risks?|dangers?|abuse|grooming|incidents?|cases|attacks?|issues?|it|this|that|these|such things)\s+(?:is|are|was|were|seems?|tends? to be)\s+${ADVERB}(rare|uncommon|unusual|unlikely|small|minor|mild|trivial)\b`,
    "i",
  ),
  /\b(?:usually|often|mostly|generally|normally|nearly always|almost always)\s+(small|minor|mild|harmless|trivial|nothing)\b/i,
  /\b(rarely|seldom|hardly ever)\s+(?:happens?|goes wrong|go wrong|harms?|hurts?|a problem|serious|dangerous)\b/i,
  /\b(small|low|tiny|slight)\s+(?:risk|chance)s?\b/i,
  /\b(unlikely)\s+to\s+(?:happen|harm|hurt|be harmed|be hurt|be targeted|come to (?:any )?harm)\b/i,
  /\bmost of the time,?\s+(nothing)\b/i,
  /\b(nothing)\s+(?:usually\s+|will\s+)?(?:goes|go)\s+wrong\b/i,
  /\b(nothing)\s+bad\s+(?:usually\s+|will\s+)?happens?\b/i,
  /\bmost\b[^.!?]{0,60}?\b(harmless)\b/i,
];

/** Report Remove and Take It Down: <NeverAskForTheImage /> must stand beside the first mention. */
export function checkTakeDownWarning(tree: Root, lineOffset = 0): string[] {
  const problems: string[] = [];
  const blocks = blocksIn(tree, lineOffset);
  const warnings: { line: number; top: number }[] = [];
  visitAll(tree, (node) => {
    if (!isJsx(node) || node.name !== NEVER_ASK_COMPONENT_NAME) return;
    const line = lineOf(node, lineOffset);
    if (node.type === "mdxJsxTextElement")
      problems.push(
        `line ${line}: <${NEVER_ASK_COMPONENT_NAME} /> sits inside a sentence; put it on a line of its own, between paragraphs`,
      );
    else warnings.push({ line, top: topIndex(tree, node) });
  });

  const first = blocks.find((block) => TAKE_DOWN_TOOLS.test(block.text));
  if (!first) return problems;
  const sentence = sentencesOf(first.text).find((s) => TAKE_DOWN_TOOLS.test(s)) ?? first.text;
  const tool = sentence.match(TAKE_DOWN_TOOLS)?.[1] ?? "Report Remove";
  const line = lineOfSentence(first, sentence, lineOffset);
  if (!warnings.length) {
    problems.push(
      `line ${line}: names ${tool} without <${NEVER_ASK_COMPONENT_NAME} />; add it just after this paragraph, so that no parent asks their child to send them the picture`,
    );
  } else if (!warnings.some((w) => w.top === first.top || w.top === first.top + 1)) {
    problems.push(
      `line ${line}: names ${tool}, but <${NEVER_ASK_COMPONENT_NAME} /> is not beside it (it is at line ${warnings[0]!.line}); put it in the same section as this first mention, or just after it`,
    );
  }
  return problems;
}

/** Keeping evidence: the same step, activity or paragraph (or the one next to it) says never to keep nudes. */
export function checkEvidenceAdvice(tree: Root, lineOffset = 0): string[] {
  const problems: string[] = [];
  const blocks = blocksIn(tree, lineOffset);
  const reported = new Set<number>();
  blocks.forEach((block, index) => {
    const advice = sentencesOf(block.text).find((sentence) => evidenceAdviceIn(sentence));
    if (!advice || (block.container !== undefined && reported.has(block.container))) return;
    const scope =
      block.container === undefined
        ? blocks.filter((b, i) => Math.abs(i - index) <= 1 && b.container === undefined)
        : blocks.filter((b) => b.container === block.container);
    if (scope.some((b) => b.warning || sentencesOf(b.text).some(isNudityWarning))) return;
    if (block.container !== undefined) reported.add(block.container);
    problems.push(
      `line ${lineOfSentence(block, advice, lineOffset)}: "${advice}" tells a parent to keep evidence, but nothing beside it says never to screenshot, save or forward anything showing nudity; say so in the same paragraph, step or activity (or add <${NEVER_ASK_COMPONENT_NAME} />)`,
    );
  });
  return problems;
}

/** Reassurance about how rare or small a harm is needs a claim that says so, in the source's words. */
export function checkReassurance(tree: Root, claims: readonly Claim[], lineOffset = 0): string[] {
  const problems: string[] = [];
  for (const block of blocksIn(tree, lineOffset)) {
    for (const sentence of sentencesOf(block.text)) {
      const words = REASSURANCE.map((pattern) => sentence.match(pattern)?.[1])
        .filter((word): word is string => Boolean(word))
        .map(claimWord);
      const unsourced = [...new Set(words)].filter(
        (word) => !claims.some((claim) => new RegExp(String.raw`\b${word}`, "i").test(claim.claim)),
      );
      if (unsourced.length)
        problems.push(
          `line ${lineOfSentence(block, sentence, lineOffset)}: "${sentence}" says how rare or small a harm is, with no source; take it out, or add a front-matter "claims" entry that says so in the source's words (${unsourced.map((w) => `"${w}"`).join(", ")})`,
        );
    }
  }
  return problems;
}

// --- helpers ---

/** A block of text (see blocksOf), where it is, and whether it is the never-ask callout. */
type LocatedBlock = {
  text: string;
  node: Nodes;
  line: number;
  top: number;
  container?: number;
  warning: boolean;
};

/** The guide's blocks in reading order, each with its line, its top-level section and its step or activity. */
function blocksIn(tree: Root, lineOffset: number): LocatedBlock[] {
  const containers: { start: number; end: number }[] = [];
  visitAll(tree, (node) => {
    if (isJsx(node) && ["Step", "Activity", "Callout"].includes(node.name ?? ""))
      containers.push({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
  });
  return blocksOf(tree).map(({ text, node }) => {
    const start = node.position?.start.offset ?? 0;
    const inside = containers
      .map((c, i) => ({ ...c, i }))
      .filter((c) => c.start <= start && start < c.end)
      .sort((a, b) => b.start - a.start)[0];
    return {
      text,
      node,
      line: lineOf(node, lineOffset),
      top: topIndex(tree, node),
      container: inside?.i,
      warning: isJsx(node) && node.name === NEVER_ASK_COMPONENT_NAME,
    };
  });
}

function topIndex(tree: Root, node: Nodes): number {
  const start = node.position?.start.offset ?? 0;
  return tree.children.findIndex(
    (child: RootContent) =>
      (child.position?.start.offset ?? 0) <= start && start < (child.position?.end.offset ?? 0),
  );
}

/** The line in the file where `sentence` starts inside `block` (the block's own line if it can't be found). */
function lineOfSentence(block: LocatedBlock, sentence: string, lineOffset: number): number {
  // A step's or activity's title is an attribute, on the element's first line.
  if (isJsx(block.node) && (block.node.name === "Step" || block.node.name === "Activity")) return block.line;
  // The sentence's first words, as few as needed, since bold or a link splits it into several text nodes.
  const words = sentence.split(/\s+/).map(escapeRegExp);
  for (let count = Math.min(4, words.length); count >= Math.min(2, words.length); count -= 1) {
    const start = new RegExp(words.slice(0, count).join(String.raw`\s+`));
    let found: number | undefined;
    visitAll(block.node, (node) => {
      if (found !== undefined || node.type !== "text") return;
      const match = node.value.match(start);
      if (match)
        found = lineOf(node, lineOffset) + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
    });
    if (found !== undefined) return found;
  }
  return block.line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function lineOf(node: Nodes, lineOffset: number): number {
  return (node.position?.start.line ?? 0) + lineOffset;
}

function visitAll(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node);
  if ("children" in node) for (const child of node.children as Nodes[]) visitAll(child, visitor);
}

const SENTENCES = new Intl.Segmenter("en-GB", { granularity: "sentence" });

function sentencesOf(text: string): string[] {
  return [...SENTENCES.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

function claimWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower === "rarely") return "rare";
  if (lower === "hardly ever") return "hardly";
  return lower;
}
