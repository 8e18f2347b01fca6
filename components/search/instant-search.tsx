"use client";
// Progressive enhancement of /search: the form works without JavaScript (the server renders the
// results); with JavaScript, typing searches the prebuilt index in the browser at once.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type MiniSearch from "minisearch";
import { SearchResults } from "@/components/search/search-results";
import { loadIndex, search, type SearchDocument, type SearchHit } from "@/lib/guides/search-index";

export function InstantSearch({ initialQuery, children }: { initialQuery: string; children: ReactNode }) {
  const [query, setQuery] = useState(initialQuery);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const index = useRef<MiniSearch<SearchDocument> | null>(null);
  const latestQuery = useRef(initialQuery);

  useEffect(() => {
    let cancelled = false;
    fetch("/search-index.json")
      .then((response) => response.text())
      .then((json) => {
        if (cancelled) return;
        index.current = loadIndex(json);
        // Whatever was typed while the index loaded gets its results now.
        if (latestQuery.current !== initialQuery) setHits(search(index.current, latestQuery.current));
      })
      .catch(() => {}); // without the index, the form still submits to the server
    return () => {
      cancelled = true;
    };
  }, [initialQuery]);

  function onInput(value: string) {
    setQuery(value);
    latestQuery.current = value;
    if (!index.current) return;
    setHits(search(index.current, value));
    const url = value.trim() ? `/search?q=${encodeURIComponent(value)}` : "/search";
    window.history.replaceState(null, "", url);
  }

  return (
    <>
      <form method="get" action="/search" role="search" className="mt-6 flex flex-wrap gap-3">
        <label htmlFor="search-q" className="sr-only">
          Search the guides
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query}
          onChange={(event) => onInput(event.target.value)}
          autoComplete="off"
          placeholder="For example: game points"
          className="min-w-0 flex-1 rounded border border-ink-muted bg-white px-3 py-2 text-ink"
        />
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Search
        </button>
      </form>
      {hits === null ? children : <SearchResults query={query} hits={hits} />}
    </>
  );
}
