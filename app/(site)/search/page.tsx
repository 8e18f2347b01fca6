import type { Metadata } from "next";
import { InstantSearch } from "@/components/search/instant-search";
import { SearchResults } from "@/components/search/search-results";
import { searchOnServer, worriedSteps } from "@/lib/guides/search-guides";

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
  return (
    <>
      <h1>Search the guides</h1>
      <p>Type a few words or a question, as you would say it.</p>
      <InstantSearch initialQuery={query}>
        <SearchResults query={query} outcome={searchOnServer(query)} worried={worriedSteps()} />
      </InstantSearch>
    </>
  );
}
