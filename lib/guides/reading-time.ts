// How long a guide takes to read, from its words: a parent reading carefully, about 200 words a minute.
// Shown on each guide and quoted (as a range) by the home page, the letter and the newsletter, so that
// no page promises a time the guides do not keep.
import type { Guide } from "@/lib/guides/load-guides";

export const WORDS_PER_MINUTE = 200;

/** The words a reader reads in a guide: its headings, paragraphs, starters and titles. */
export function wordCount(guide: Pick<Guide, "sentences">): number {
  return guide.sentences
    .join(" ")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, rounded up: 201 words is 2 minutes, never "0 minutes". */
export function readingMinutes(guide: Pick<Guide, "sentences">): number {
  return Math.max(1, Math.ceil(wordCount(guide) / WORDS_PER_MINUTE));
}

/** "about 6 minutes" for one guide. */
export function readingTimeText(guide: Pick<Guide, "sentences">): string {
  const minutes = readingMinutes(guide);
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** "4 to 7 minutes" for a set of guides (or "5 minutes" when they all take the same). */
export function readingTimeRange(guides: Pick<Guide, "sentences">[]): string {
  const minutes = guides.map(readingMinutes);
  const low = Math.min(...minutes);
  const high = Math.max(...minutes);
  return low === high ? `${low} minute${low === 1 ? "" : "s"}` : `${low} to ${high} minutes`;
}
