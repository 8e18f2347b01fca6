// `npm run content:review`: every guide, its last review, its sources, its reading ease, and which are due.
import { describe, expect, it } from "vitest";
import { formatReview, reviewRows } from "@/lib/guides/content-review";
import { getGuides } from "@/lib/guides/load-guides";

describe("the content review", () => {
  const guides = getGuides();

  it("lists every guide with its review date, sources and reading ease", () => {
    const rows = reviewRows(guides, new Date("2026-12-01T00:00:00Z"));
    expect(rows).toHaveLength(guides.length);
    for (const row of rows) {
      expect(row.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.sources.length).toBeGreaterThanOrEqual(2);
      expect(row.readingEase).toBeGreaterThanOrEqual(60);
    }
    const text = formatReview(rows);
    for (const guide of guides) expect(text).toContain(guide.file);
  });

  it("marks a guide due once its last review is more than 12 months old", () => {
    const reviewed = guides[0]!.frontMatter.lastReviewed;
    const [year, month, day] = reviewed.split("-").map(Number);
    const justInside = new Date(Date.UTC(year! + 1, month! - 1, day!));
    const justAfter = new Date(Date.UTC(year! + 1, month! - 1, day! + 1));
    const row = (today: Date) => reviewRows([guides[0]!], today)[0]!;
    expect(row(justInside).due).toBe(false);
    expect(row(justAfter).due).toBe(true);
    expect(formatReview([row(justAfter)])).toMatch(/^1 guides; 1 due for review/);
    expect(formatReview([row(justAfter)])).toContain(`DUE  ${guides[0]!.file}`);
  });
});
