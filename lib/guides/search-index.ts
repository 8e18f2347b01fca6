// Full-text search over every guide with MiniSearch, reading a parent's sentence (read-query.ts). The
// index is built once from content/ (at build time for /search-index.json, which also carries the
// search words of content/ and the "if you're worried" steps; once per server process for /search), and
// server and browser search it with this same code, so they give the same results.
import MiniSearch, { type AsPlainObject, type SearchResult } from "minisearch";
import { AGE_GROUPS, type AgeGroupSlug } from "@/lib/guides/age-groups";
import type { Guide } from "@/lib/guides/load-guides";
import { compileVocabulary, readQuery, type QueryReading, type Vocabulary } from "@/lib/guides/read-query";
import { searchTerm, wordsOf } from "@/lib/guides/search-terms";
import type { SearchVocabulary } from "@/lib/guides/search-vocabulary";
import { TOPICS } from "@/lib/guides/taxonomy";

export type SearchDocument = {
  id: string; // the guide's path
  title: string;
  description: string;
  ageGroup: string;
  text: string;
};

export type SearchHit = {
  path: string;
  title: string;
  description: string;
  ageGroup: string;
  /** A short excerpt around the first match, split so that matched words can be marked. */
  snippet: { text: string; match: boolean }[];
};

/** An age group's "if you're worried" guide and the titles of its steps, for the crisis help. */
export type WorriedSteps = { ageGroup: AgeGroupSlug; path: string; title: string; steps: string[] };

/** What /search-index.json sends the browser: everything the server searches with. */
export type SearchPayload = { index: AsPlainObject; vocabulary: SearchVocabulary; worried: WorriedSteps[] };

/** The index and the compiled search words: what searchGuides needs. */
export type GuideSearch = { index: MiniSearch<SearchDocument>; vocabulary: Vocabulary };

export type SearchOutcome = {
  hits: SearchHit[];
  /** The sentence signals a child at risk now: show the help first. */
  crisis: boolean;
  /** The age groups the sentence names; their guides come first. */
  ageGroups: AgeGroupSlug[];
};

export const INDEX_OPTIONS = {
  fields: ["title", "description", "text"],
  storeFields: ["title", "description", "ageGroup", "text"],
  tokenize: (text: string) => wordsOf(text),
  processTerm: (word: string) => searchTerm(word),
};

// How much each kind of evidence counts. A guide's own words count most in its title, then its
// description; the guides' words for what the parent typed (synonyms) count less than the parent's own.
const FIELD_BOOST = { title: 3, description: 2 };
const RELATED_WEIGHT = 0.6;
const TOPIC_BOOST = 1.6;
// A sentence about a child at risk now: what to do if worried first, then the guides for that risk.
const WORRIED_BOOST_IN_CRISIS = 3;
const CRISIS_TOPIC_BOOST = 2.5;

export function searchDocuments(guides: Guide[]): SearchDocument[] {
  return guides.map((guide) => ({
    id: guide.path,
    title: guide.frontMatter.title,
    description: guide.frontMatter.description,
    ageGroup: guide.ageGroup,
    text: guide.sentences.join(" "),
  }));
}

export function buildIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return index;
}

/** The search the browser runs, from /search-index.json. */
export function guideSearchFrom(payload: Pick<SearchPayload, "index" | "vocabulary">): GuideSearch {
  return {
    index: MiniSearch.loadJS<SearchDocument>(payload.index, INDEX_OPTIONS),
    vocabulary: compileVocabulary(payload.vocabulary),
  };
}

/**
 * Guides for a parent's sentence, best first, with whether it signals a child at risk now. Guides of
 * an age group the sentence names come first.
 */
export function searchGuides(search: GuideSearch, query: string, limit = 20): SearchOutcome {
  const q = query.slice(0, 200);
  if (!q.trim()) return { hits: [], crisis: false, ageGroups: [] };
  const reading = readQuery(q, search.vocabulary);
  const results = rank(search.index, reading, q);
  const first = results.filter((result) => reading.ageGroups.includes(result.ageGroup as AgeGroupSlug));
  const rest = results.filter((result) => !reading.ageGroups.includes(result.ageGroup as AgeGroupSlug));
  return {
    hits: [...first, ...rest].slice(0, limit).map(toHit),
    crisis: reading.crisis !== null,
    ageGroups: reading.ageGroups,
  };
}

function rank(index: MiniSearch<SearchDocument>, reading: QueryReading, query: string): SearchResult[] {
  const own = [...new Set(reading.terms)];
  const typing = !/\s$/.test(query); // the last word may be half typed
  const boostDocument = (id: string) => {
    const slug = slugOf(id);
    let boost = 1;
    if (reading.crisis?.topics.includes(slug)) boost *= CRISIS_TOPIC_BOOST;
    else if (reading.topics.includes(slug)) boost *= TOPIC_BOOST;
    if (reading.crisis && slug === "if-youre-worried") boost *= WORRIED_BOOST_IN_CRISIS;
    return boost;
  };
  const queries = [];
  if (own.length)
    queries.push({
      queries: [own.join(" ")],
      prefix: (term: string, i: number, terms: string[]) =>
        typing && i === terms.length - 1 && term.length >= 4,
      fuzzy: (term: string) => (term.length >= 6 ? 1 : false),
    });
  if (reading.related.length)
    queries.push({ queries: [reading.related.join(" ")], boostTerm: () => RELATED_WEIGHT });
  if (queries.length === 0) {
    // Only ages and common words ("my 9 year old", "online safety"): where to start, for those ages.
    const ages = reading.ageGroups;
    return index
      .search(MiniSearch.wildcard, {
        filter: (result) => !ages.length || ages.includes(result.ageGroup as AgeGroupSlug),
      })
      .sort((a, b) => startingRank(a) - startingRank(b));
  }
  return index.search(
    { combineWith: "OR", queries },
    {
      boost: FIELD_BOOST,
      boostDocument,
      tokenize: (text: string) => text.split(" "),
      processTerm: (term: string) => term,
    },
  );
}

/** For a sentence that names no subject: how to start, what to do if worried, then the topics; youngest first. */
const STARTING_ORDER: string[] = ["start-talking", "if-youre-worried", ...TOPICS.map((topic) => topic.slug)];

function startingRank(result: SearchResult): number {
  const age = AGE_GROUPS.findIndex((group) => group.slug === result.ageGroup);
  return STARTING_ORDER.indexOf(slugOf(result.id)) * AGE_GROUPS.length + age;
}

function slugOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function toHit(result: SearchResult): SearchHit {
  return {
    path: result.id as string,
    title: result.title as string,
    description: result.description as string,
    ageGroup: result.ageGroup as string,
    snippet: snippet(result.text as string, result.terms),
  };
}

const RADIUS = 90;

/** The text around the first word that matched, cut at word boundaries, with matched words flagged. */
export function snippet(text: string, terms: string[]): SearchHit["snippet"] {
  const matched = new Set(terms);
  // Words that may have one of the terms as their stem ("bulli" ← "bullied"), then checked one by one.
  const starts = [...new Set(terms.map((term) => (term.length > 3 ? term.slice(0, -1) : term)))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const words = starts.length ? new RegExp(`\\b(?:${starts.join("|")})[\\p{L}\\p{N}'’]*`, "giu") : null;
  const isMatch = (word: string) => {
    const term = searchTerm(wordsOf(word)[0] ?? "");
    return term !== null && matched.has(term);
  };
  let first: number | undefined;
  for (const m of words ? text.matchAll(words) : []) {
    if (!isMatch(m[0])) continue;
    first = m.index;
    break;
  }
  if (first === undefined || !words) return [{ text: text.slice(0, RADIUS * 2), match: false }];
  const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - RADIUS)) + 1);
  const endSpace = text.indexOf(" ", Math.min(text.length, first + RADIUS));
  const to = endSpace < 0 ? text.length : endSpace;
  const excerpt = `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  const parts: SearchHit["snippet"] = [];
  let last = 0;
  for (const m of excerpt.matchAll(words)) {
    if (!isMatch(m[0])) continue;
    if (m.index > last) parts.push({ text: excerpt.slice(last, m.index), match: false });
    parts.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) parts.push({ text: excerpt.slice(last), match: false });
  return parts;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
