// What a content reviewer works from (`npm run content:review`): every guide with its last review, its
// sources, its reading ease and whether it is due (reviewed more than 12 months ago).
import { readingEase } from "@/lib/guides/readability";
import type { Guide } from "@/lib/guides/load-guides";

/** A guide is due for review when its last review is over this old. */
export const REVIEW_EVERY_MONTHS = 12;

/** One guide's line of the report. */
export type ReviewRow = ReturnType<typeof reviewRows>[number];

export function reviewRows(guides: Guide[], today: Date) {
  const limit = new Date(today);
  limit.setUTCMonth(limit.getUTCMonth() - REVIEW_EVERY_MONTHS);
  return guides
    .map((guide) => {
      const lastReviewed = guide.frontMatter.lastReviewed;
      return {
        file: guide.file,
        title: guide.frontMatter.title,
        lastReviewed,
        due: new Date(`${lastReviewed}T00:00:00Z`) < limit,
        readingEase: Math.round(readingEase(guide.sentences) * 10) / 10,
        sources: guide.frontMatter.sources.map(({ publisher, title, url }) => ({ publisher, title, url })),
      };
    })
    .sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed) || a.file.localeCompare(b.file));
}

/** The report as plain text: due guides first (oldest review first), then the rest. */
export function formatReview(rows: ReviewRow[]): string {
  const due = rows.filter((row) => row.due);
  const lines = [
    `${rows.length} guides; ${due.length} due for review (last reviewed more than ${REVIEW_EVERY_MONTHS} months ago).`,
    "",
  ];
  for (const row of [...due, ...rows.filter((row) => !row.due)]) {
    lines.push(
      `${row.due ? "DUE " : "ok  "} ${row.file}  last reviewed ${row.lastReviewed}  reading ease ${row.readingEase.toFixed(1)}`,
      `     ${row.title}`,
      ...row.sources.map((source) => `     - ${source.publisher}: ${source.title} <${source.url}>`),
      "",
    );
  }
  return lines.join("\n");
}
