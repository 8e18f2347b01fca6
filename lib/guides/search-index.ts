// Full-text search over every guide with MiniSearch. The index is built once from content/ (at
// build time for the static index at /search-index.json, once per server process for /search)
// and both server and browser search the same serialised index with the same options.
import MiniSearch, { type SearchResult } from "minisearch";
import type { Guide } from "@/lib/guides/load-guides";

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

export const INDEX_OPTIONS = {
  fields: ["title", "description", "text"],
  storeFields: ["title", "description", "ageGroup", "text"],
};

export const SEARCH_OPTIONS = {
  boost: { title: 3, description: 2 },
  prefix: (term: string) => term.length > 2,
  fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
  combineWith: "AND" as const,
};

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

export function loadIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
}

/** Ranked hits for `query`, best first; an "AND" search falls back to "OR" when it finds nothing. */
export function search(index: MiniSearch<SearchDocument>, query: string, limit = 20): SearchHit[] {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  let results = index.search(q, SEARCH_OPTIONS);
  if (results.length === 0) results = index.search(q, { ...SEARCH_OPTIONS, combineWith: "OR" });
  return results.slice(0, limit).map(toHit);
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

/** The text around the first matched term, cut at word boundaries, with matched words flagged. */
export function snippet(text: string, terms: string[]): SearchHit["snippet"] {
  const words = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (words.length === 0) return [{ text: text.slice(0, RADIUS * 2), match: false }];
  const pattern = new RegExp(`\\b(${words.join("|")})`, "i");
  const first = text.search(pattern);
  const from = first < 0 ? 0 : Math.max(0, text.lastIndexOf(" ", Math.max(0, first - RADIUS)) + 1);
  const endSpace = text.indexOf(" ", Math.min(text.length, (first < 0 ? 0 : first) + RADIUS));
  const to = endSpace < 0 ? text.length : endSpace;
  const excerpt = `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  const global = new RegExp(`\\b(${words.join("|")})[\\p{L}\\p{N}'’-]*`, "giu");
  const parts: SearchHit["snippet"] = [];
  let last = 0;
  for (const m of excerpt.matchAll(global)) {
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
