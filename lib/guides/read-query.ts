// What a parent's sentence asks for: its search terms, the words the guides use for them (the synonym
// list), the topics those point to, the age groups it names ("my 9 year old", "teenager", "year 7"), and
// whether it signals a child at risk now (the crisis list). The server and the browser share it.
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { searchTerm, stemOf, wordsOf } from "@/lib/guides/search-terms";
import type { SearchVocabulary } from "@/lib/guides/search-vocabulary";

export type QueryReading = {
  /** The parent's own words as search terms, in order. */
  terms: string[];
  /** The guides' words for what the parent typed, from content/search-synonyms.json. */
  related: string[];
  /** Guide slugs the synonyms point to. */
  topics: string[];
  /** The age groups the sentence names. */
  ageGroups: AgeGroupSlug[];
  /** The first crisis signal (content/search-crisis.json) the sentence matches, and its guides. */
  crisis: { signal: string; topics: string[] } | null;
};

/** The vocabulary ready to match: each phrase as slots of stems. */
export type Vocabulary = {
  synonyms: { patterns: Pattern[]; related: string[]; topics: string[] }[];
  signals: { name: string; patterns: Pattern[]; topics: string[] }[];
  /** Every word of both lists: a word the lists know is never read as a slip of another. */
  known: Set<string>;
};

/** Words of a synonym may have up to this many words between them; of a crisis phrase, up to three. */
const SYNONYM_GAP = 1;
const CRISIS_GAP = 3;

export function compileVocabulary(vocabulary: SearchVocabulary): Vocabulary {
  const synonyms = vocabulary.synonyms.map((entry) => ({
    patterns: entry.parents.map((phrase) => patternOf(phrase, searchTerm)),
    related: unique(entry.guides.flatMap((phrase) => patternOf(phrase, searchTerm).flat())),
    topics: entry.topics ?? [],
  }));
  const signals = vocabulary.signals.map((signal) => ({
    name: signal.name,
    patterns: signal.phrases.map((phrase) => patternOf(phrase, stemOf)),
    topics: signal.topics ?? [],
  }));
  const known = new Set([...synonyms, ...signals].flatMap((entry) => entry.patterns.flat(2)));
  return { synonyms, signals, known };
}

export function readQuery(query: string, vocabulary: Vocabulary): QueryReading {
  const words = wordsOf(query.slice(0, 200));
  const terms = words.map(searchTerm).filter(isTerm);
  // Each synonym entry's longest match; an entry whose match lies inside a longer one gives way to it
  // ("virtual girlfriend" is about AI, not about relationships).
  const found = vocabulary.synonyms
    .map((entry) => ({ entry, span: longest(entry.patterns, terms, SYNONYM_GAP, vocabulary.known) }))
    .filter(
      (match): match is { entry: (typeof vocabulary.synonyms)[number]; span: Span } => match.span !== null,
    );
  const kept = found.filter(({ span }) => !found.some((other) => inside(span, other.span)));
  const related = kept.flatMap(({ entry }) => entry.related);
  const topics = kept.flatMap(({ entry }) => entry.topics);
  // Crisis phrases keep words such as "himself" and "someone", but not ages ("my 15 year old").
  const stems = words.filter((word) => !AGE_ONLY.has(word) && !/^\d+$/.test(word)).map(stemOf);
  const crisis = vocabulary.signals.find((signal) =>
    longest(signal.patterns, stems, CRISIS_GAP, vocabulary.known),
  );
  return {
    terms,
    related: unique(related).filter((term) => !terms.includes(term)),
    topics: unique(topics),
    ageGroups: ageGroupsIn(words),
    crisis: crisis ? { signal: crisis.name, topics: crisis.topics } : null,
  };
}

/** The age groups a sentence names: "my 9 year old", "9yo", "son is 15", "year 7", "teenager". */
export function ageGroupsIn(words: string[]): AgeGroupSlug[] {
  const groups = words
    .map((_, i) => ageNamedAt(words, i))
    .filter((age): age is number => age !== undefined && age >= 1 && age <= 17)
    .map((age) => AGE_GROUPS.find((group) => age <= group.to)!.slug);
  return unique(groups);
}

/** The age the word at `i` names, with the words around it, if it names one. */
function ageNamedAt(words: string[], i: number): number | undefined {
  const word = words[i]!;
  const before = words[i - 1] ?? "";
  const after = words[i + 1] ?? "";
  const n = numberOf(word);
  if (n !== undefined) {
    const yearWord = (word: string | undefined) => /^(years?|yrs?|yo|y)$/.test(word ?? "");
    if (yearWord(after)) return n;
    // "my 8 and 14 year olds"
    if (/^(and|or|to)$/.test(after) && numberOf(words[i + 2] ?? "") !== undefined && yearWord(words[i + 3]))
      return n;
    if (/^(aged?|is|turned|turning|turns|nearly|almost)$/.test(before)) return n;
    if (before === "grade") return n + 5; // an American grade: grade 1 is 6 to 7
    return undefined;
  }
  const joined = /^(\d{1,2})(yo|yos|yr|yrs|y|years?)$/.exec(word);
  if (joined) return Number(joined[1]);
  const ordinal = /^(\d{1,2})(st|nd|rd|th)$/.exec(word);
  if (ordinal && after === "grade") return Number(ordinal[1]) + 5;
  // An English school year: year 7 starts at 11.
  const schoolYear = /^(?:y|yr|year)(\d{1,2})$/.exec(word);
  if (schoolYear) return Number(schoolYear[1]) + 4;
  if (/^(year|yr|y)$/.test(word) && numberOf(before) === undefined) {
    const year = numberOf(after);
    if (year !== undefined) return year + 4;
  }
  if (word === "sixth" && after === "form") return 16;
  if (word.startsWith("teen") && before === "pre") return 12;
  return AGE_WORDS.get(word);
}

// Words that name an age, and the age they stand for.
const AGE_WORDS = new Map<string, number>([
  ["toddler", 4],
  ["toddlers", 4],
  ["preschool", 4],
  ["preschooler", 4],
  ["nursery", 4],
  ["reception", 4],
  ["infant", 5],
  ["infants", 5],
  ["ks1", 6],
  ["tween", 12],
  ["tweens", 12],
  ["preteen", 12],
  ["preteens", 12],
  ["teen", 15],
  ["teens", 15],
  ["teenage", 15],
  ["teenager", 15],
  ["teenagers", 15],
  ["adolescent", 15],
  ["adolescents", 15],
  ["gcse", 15],
  ["gcses", 15],
]);

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];

const AGE_ONLY = new Set(["year", "years", "yr", "yrs", "yo", "old", "aged"]);

function numberOf(word: string): number | undefined {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const index = NUMBER_WORDS.indexOf(word);
  return index === -1 ? undefined : index;
}

/** A phrase as slots: each slot the stems that may stand in that place; slots of common words dropped. */
type Pattern = string[][];

function patternOf(phrase: string, term: (word: string) => string | null): Pattern {
  return phrase
    .split(" ")
    .map((slot) =>
      slot
        .split("|")
        .flatMap((word) => wordsOf(word))
        .map(term)
        .filter(isTerm),
    )
    .filter((slot) => slot.length > 0);
}

/** Where a phrase matched: the first and last word, and how many of its words. */
type Span = { from: number; to: number; words: number };

/** The match of the phrase with the most words, if any matches. */
function longest(patterns: Pattern[], stems: string[], gap: number, known: Set<string>): Span | null {
  let best: Span | null = null;
  for (const pattern of patterns) {
    const span = matchOf(pattern, stems, gap, known);
    if (span && (!best || span.words > best.words)) best = span;
  }
  return best;
}

/** Whether `span` lies inside `other`, a match of more words. */
function inside(span: Span, other: Span): boolean {
  return other.words > span.words && other.from <= span.from && span.to <= other.to;
}

/**
 * Where `stems` hold the pattern's slots in order, with at most `gap` other words between two. A long
 * word the lists do not know fits a slot one typing slip away ("blackmale" for "blackmail").
 */
function matchOf(pattern: Pattern, stems: string[], gap: number, known: Set<string>): Span | null {
  if (pattern.length === 0) return null;
  const fits = (slot: string[], stem: string) =>
    slot.includes(stem) || (stem.length >= 7 && !known.has(stem) && slot.some((s) => oneSlipApart(s, stem)));
  starts: for (let start = 0; start < stems.length; start += 1) {
    if (!fits(pattern[0]!, stems[start]!)) continue;
    let at = start;
    for (const slot of pattern.slice(1)) {
      let next = -1;
      for (let i = at + 1; i < stems.length && i <= at + 1 + gap; i += 1) {
        if (fits(slot, stems[i]!)) {
          next = i;
          break;
        }
      }
      if (next === -1) continue starts;
      at = next;
    }
    return { from: start, to: at, words: pattern.length };
  }
  return null;
}

/** One letter added, dropped, changed, or two next to each other swapped: a typing slip. */
function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  if (i === a.length && i === b.length) return true;
  const rest = (x: string, y: string) => x === y;
  return (
    rest(a.slice(i + 1), b.slice(i + 1)) || // changed
    rest(a.slice(i + 1), b.slice(i)) || // dropped from b
    rest(a.slice(i), b.slice(i + 1)) || // added to b
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2))) // swapped
  );
}

function isTerm(term: string | null): term is string {
  return term !== null && term !== "";
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
