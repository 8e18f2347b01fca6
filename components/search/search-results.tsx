import { CrisisHelp } from "@/components/search/crisis-help";
import Link from "@/components/ui/link";
import type { SearchOutcome, WorriedSteps } from "@/lib/guides/search-index";

/** The crisis help when the sentence signals a child at risk now, then the guides found. */
export function SearchResults({
  query,
  outcome,
  worried,
}: {
  query: string;
  outcome: SearchOutcome;
  worried: WorriedSteps[];
}) {
  if (!query.trim()) return null;
  const { hits } = outcome;
  return (
    <>
      {outcome.crisis && <CrisisHelp ageGroups={outcome.ageGroups} worried={worried} />}
      <p role="status" className="mt-6 font-semibold">
        {outcome.crisis ? "What to do and where to get help now are shown first. " : ""}
        {hits.length === 0
          ? `No guides match “${query}”. Try fewer or simpler words.`
          : `${hits.length === 1 ? "1 guide matches" : `${hits.length} guides match`} “${query}”`}
      </p>
      <ol aria-label="Guides found" className="m-0 mt-4 grid gap-4 p-0">
        {hits.map((hit) => (
          <li
            key={hit.path}
            className="list-none rounded-lg border border-brand-100 p-4 dark:border-night-raised"
          >
            <h2 className="mt-0 text-lg">
              <Link href={hit.path}>{hit.title}</Link>
            </h2>
            <p className="m-0 text-sm font-semibold text-ink-muted dark:text-night-muted">
              Ages {hit.ageGroup.replace("-", " to ")}
            </p>
            <p className="m-0 mt-1">
              {hit.snippet.map((part, i) =>
                part.match ? (
                  <mark key={i} className="rounded bg-yellow-200 px-0.5 text-ink">
                    {part.text}
                  </mark>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
