import type { Metadata } from "next";
import { InstantSearch } from "@/components/search/instant-search";
import { SearchResults } from "@/components/search/search-results";
import { guideIndex } from "@/lib/guides/search-guides";
import { search } from "@/lib/guides/search-index";

export const metadata: Metadata = {
  title: "Search the guides",
  description: "Search every Talk Often guide for parents and carers.",
  alternates: { canonical: "/search" },
  robots: { index: false, follow: true },
};

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const hits = search(guideIndex(), query);
  return (
    <>
      <h1>Search the guides</h1>
      <InstantSearch initialQuery={query}>
        <SearchResults query={query} hits={hits} />
      </InstantSearch>
    </>
  );
}
