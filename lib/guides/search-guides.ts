// The server's search: the index over content/ and the search words of content/, built once per
// process, and what /search-index.json sends the browser so that it searches the same way.
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { findGuide, getGuides } from "@/lib/guides/load-guides";
import { compileVocabulary } from "@/lib/guides/read-query";
import {
  buildIndex,
  searchDocuments,
  searchGuides,
  type GuideSearch,
  type SearchOutcome,
  type SearchPayload,
  type WorriedSteps,
} from "@/lib/guides/search-index";
import { loadSearchVocabulary, type SearchVocabulary } from "@/lib/guides/search-vocabulary";

let vocabulary: SearchVocabulary | undefined;
let search: GuideSearch | undefined;

/** The index and search words, checked and built on first use. */
export function guideSearch(): GuideSearch {
  vocabulary ??= loadSearchVocabulary();
  search ??= { index: buildIndex(searchDocuments(getGuides())), vocabulary: compileVocabulary(vocabulary) };
  return search;
}

/** The guides for a parent's sentence, as /search shows them. */
export function searchOnServer(query: string): SearchOutcome {
  return searchGuides(guideSearch(), query);
}

/** Each age group's "if you're worried" guide and its steps, for the help a crisis search shows first. */
export function worriedSteps(): WorriedSteps[] {
  return AGE_GROUPS.map((group) => {
    const guide = findGuide(group.slug, "if-youre-worried")!;
    return { ageGroup: group.slug, path: guide.path, title: guide.frontMatter.title, steps: guide.steps };
  });
}

/** What /search-index.json serves. */
export function searchPayload(): SearchPayload {
  const { index } = guideSearch();
  return { index: index.toJSON(), vocabulary: vocabulary!, worried: worriedSteps() };
}
