"use client";
// Progressive enhancement of /search: the form works without JavaScript (the server renders the
// results, and the crisis help above them); with JavaScript, typing searches the prebuilt index from
// /search-index.json in the browser at once, with the same code and search words as the server.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { SearchResults } from "@/components/search/search-results";
import { guideSearchFrom, searchGuides } from "@/lib/guides/search-index";
import type { GuideSearch, SearchOutcome, SearchPayload, WorriedSteps } from "@/lib/guides/search-index";

type Loaded = { search: GuideSearch; worried: WorriedSteps[] };
type Shown = { outcome: SearchOutcome; worried: WorriedSteps[] };

export function InstantSearch({ initialQuery, children }: { initialQuery: string; children: ReactNode }) {
  const [query, setQuery] = useState(initialQuery);
  const [shown, setShown] = useState<Shown | null>(null);
  const loaded = useRef<Loaded | null>(null);
  const latestQuery = useRef(initialQuery);

  useEffect(() => {
    let cancelled = false;
    fetch("/search-index.json")
      .then((response) => response.json() as Promise<SearchPayload>)
      .then((payload) => {
        if (cancelled) return;
        loaded.current = { search: guideSearchFrom(payload), worried: payload.worried };
        // Whatever was typed while the index loaded gets its results now.
        if (latestQuery.current !== initialQuery) setShown(shownFor(loaded.current, latestQuery.current));
      })
      .catch(() => {}); // without the index, the form still submits to the server
    return () => {
      cancelled = true;
    };
  }, [initialQuery]);

  function onInput(value: string) {
    setQuery(value);
    latestQuery.current = value;
    if (!loaded.current) return;
    setShown(shownFor(loaded.current, value));
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
          placeholder="For example: my 9 year old plays Roblox"
          className="min-w-0 flex-1 rounded border border-ink-muted bg-white px-3 py-2 text-ink"
        />
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Search
        </button>
      </form>
      {shown === null ? (
        children
      ) : (
        <SearchResults query={query} outcome={shown.outcome} worried={shown.worried} />
      )}
    </>
  );
}

function shownFor({ search, worried }: Loaded, query: string): Shown {
  return { outcome: searchGuides(search, query), worried };
}
