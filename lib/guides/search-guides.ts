// The server's search index over content/, built once per process.
import type MiniSearch from "minisearch";
import { getGuides } from "@/lib/guides/load-guides";
import { buildIndex, searchDocuments, type SearchDocument } from "@/lib/guides/search-index";

let index: MiniSearch<SearchDocument> | undefined;

export function guideIndex(): MiniSearch<SearchDocument> {
  index ??= buildIndex(searchDocuments(getGuides()));
  return index;
}
