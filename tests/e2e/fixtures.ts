// Playwright fixtures for every e2e test: `visit(path)` opens a page and fails the test on any
// axe-core accessibility violation (WCAG 2.2 A and AA rules), and every page a test ends on is
// checked again after the test.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIResponse, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe inside the page itself: the default mode opens a helper tab, which
  // Debian's Chromium refuses under Playwright here ("Failed to open a new tab").
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ visit: (path: string) => Promise<void> }>({
  visit: async ({ page }, provide) => {
    await provide(async (path: string) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBeLessThan(400);
      await expectNoAxeViolations(page);
    });
    if (page.url().startsWith("http")) await expectNoAxeViolations(page);
  },
});

export { expect };

/** The distinct paths a redirect response points to (Next.js may repeat the Location header). */
export function redirectTargets(response: APIResponse): string[] {
  const paths = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "location")
    .map((h) => new URL(h.value, "http://x").pathname);
  return [...new Set(paths)];
}
