// What the /about page says about the guides, read from their front matter: who their advice comes from,
// and review dates as a parent reads them.
import type { Guide } from "@/lib/guides/load-guides";

/** Each publisher the guides cite, with how many guides cite it, most cited first. */
export function guideSources(guides: Pick<Guide, "frontMatter">[]): { publisher: string; guides: number }[] {
  const counts = new Map<string, number>();
  for (const guide of guides) {
    const publishers = new Set(guide.frontMatter.sources.map((source) => source.publisher.trim()));
    for (const publisher of publishers) counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
  }
  return [...counts]
    .map(([publisher, count]) => ({ publisher, guides: count }))
    .sort((a, b) => b.guides - a.guides || a.publisher.localeCompare(b.publisher));
}

/** "29 November 2026" from "2026-11-29". */
export function formatReviewDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
