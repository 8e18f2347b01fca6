// The server's search index over content/, built once per process.
import type MiniSearch from "minisearch";
import { getGuides } from "@/lib/content/guides";
import { buildIndex, searchDocuments, type SearchDocument } from "@/lib/search";

let index: MiniSearch<SearchDocument> | undefined;

export function guideIndex(): MiniSearch<SearchDocument> {
  index ??= buildIndex(searchDocuments(getGuides()));
  return index;
}
