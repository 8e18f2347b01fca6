// Every figure a guide states must have a source: a front-matter `claims` entry whose text holds the
// figure. Phone numbers, ages (including school years and age bands) and calendar years are not
// figures; any other number is.

export type Claim = { claim: string; source: string };

/** Numbers that are phone numbers: 999, 101, 111, 116 123, and numbers starting with 0 (0800 1111). */
const PHONE = /\b(?:999|101|111|116 ?123|0\d{3,4}(?: ?\d{3,4}){1,2})\b/g;

const YEAR = /^(?:19|20)\d{2}$/;

const N = String.raw`\d{1,2}`;
const RANGE = String.raw`${N}(?:\s*(?:to|and|or|-|–)\s*${N})?`;
/** Words after a number that make it a count, not an age ("under 20 minutes", "over 18 people"). */
const UNIT = String.raw`(?!\s*(?:%|per ?cent|minutes?|hours?|days?|weeks?|months?|people|children|reports?|times|arrests?|coins|points|pounds|followers|messages|cases))`;
const AGE_PHRASES = [
  // the age groups' own names: "the 4 to 7 page"
  String.raw`\b(?:4 to 7|8 to 10|11 to 13|14 to 17)\b`,
  // "aged 14 to 18", "under 13", "by 14", "they're 9", "Year 7", "than 12", "for 13 and over"
  String.raw`\b(?:age[ds]?|under|over|from|at|by|between|before|after|turns?|turned|is|are|were|was|be|i['’]m|they['’]re|you['’]re|he['’]s|she['’]s|than|years?|for|of)\s+${RANGE}\b${UNIT}`,
  // "8 to 10 year olds", "a 13-year-old", "14 years old"
  String.raw`\b${RANGE}[\s-]*(?:years?|yrs?)[\s-]*olds?\b`,
  // "13 and over", "16 or older", "13+"
  String.raw`\b${N}(?:\s*\+|\s+(?:or|and)\s+(?:over|older|above|under|up|younger))`,
  // "under-16s", "13–17s", "11-13"
  String.raw`\bunder-${N}s\b`,
  String.raw`\b${N}\s*[-–]\s*${N}s?\b`,
].map((source) => new RegExp(source, "giu"));

/** The figures in a piece of text, as written ("192", "84%", "1,000"). */
export function figuresIn(text: string): string[] {
  let rest = text.replace(PHONE, (m) => " ".repeat(m.length));
  for (const phrase of AGE_PHRASES) {
    rest = rest.replace(phrase, (m) => (/\d/.test(m) && agesAreYoung(m) ? " ".repeat(m.length) : m));
  }
  const figures: string[] = [];
  for (const match of rest.matchAll(/\d[\d,]*(?:\.\d+)?%?/g)) {
    const figure = match[0].replace(/[,.]$/, "");
    if (YEAR.test(figure)) continue;
    figures.push(figure);
  }
  return figures;
}

/** True when `claims` holds a claim that states `figure`. */
export function hasSource(figure: string, claims: readonly Claim[]): boolean {
  const plain = figure.replace(/,/g, "");
  const pattern = new RegExp(`(?<![\\d.])${plain.replace(/[.%]/g, "\\$&")}(?![\\d])`);
  return claims.some((claim) => pattern.test(claim.claim.replace(/(\d),(\d)/g, "$1$2")));
}

/** One problem per figure in `blocks` with no claim that states it. */
export function checkFigures(blocks: { text: string; line: number }[], claims: readonly Claim[]): string[] {
  const problems: string[] = [];
  for (const block of blocks) {
    for (const figure of figuresIn(block.text)) {
      if (!hasSource(figure, claims))
        problems.push(
          `line ${block.line}: the figure ${figure} has no source; add a front-matter "claims" entry that states it, with its source`,
        );
    }
  }
  return problems;
}

function agesAreYoung(phrase: string): boolean {
  return (phrase.match(/\d+/g) ?? []).every((n) => Number(n) <= 25);
}
