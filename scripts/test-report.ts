// Sums the test runners' JSON reports in reports/ into one line: "tests: N passed, M failed".
// A runner that should have reported but left no readable report counts as one failure.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPORTS = {
  unit: "reports/unit.json",
  integration: "reports/integration.json",
  e2e: "reports/e2e.json",
} as const;

/** The same unit and integration suites on the current Node.js LTS (.ci/run, `--node24`). */
export const NODE24_REPORTS = {
  "unit on Node 24": "reports/unit-node24.json",
  "integration on Node 24": "reports/integration-node24.json",
} as const;

export type Tally = { passed: number; failed: number; notes: string[] };

export function tallyReports(root = process.cwd(), reports: Record<string, string> = REPORTS): Tally {
  const tally: Tally = { passed: 0, failed: 0, notes: [] };
  for (const [suite, file] of Object.entries(reports)) {
    const full = path.join(root, file);
    if (!existsSync(full)) {
      tally.failed += 1;
      tally.notes.push(`${suite}: no report at ${file} (the runner did not finish)`);
      continue;
    }
    const report = JSON.parse(readFileSync(full, "utf8")) as VitestReport & PlaywrightReport;
    if (report.stats) {
      const passed = report.stats.expected + report.stats.flaky;
      const failed = report.stats.unexpected + (report.errors?.length ?? 0);
      tally.passed += passed;
      tally.failed += failed;
      tally.notes.push(`${suite}: ${passed} passed, ${failed} failed, ${report.stats.skipped} skipped`);
    } else {
      const failedSuites = report.numFailedTestSuites ?? 0;
      const passed = report.numPassedTests ?? 0;
      // A file that fails to load has no tests to count; count the file instead.
      const failed = (report.numFailedTests ?? 0) + (report.numFailedTests ? 0 : failedSuites);
      tally.passed += passed;
      tally.failed += failed;
      tally.notes.push(
        `${suite}: ${passed} passed, ${failed} failed, ${report.numPendingTests ?? 0} skipped`,
      );
    }
  }
  return tally;
}

type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numFailedTestSuites?: number;
};
type PlaywrightReport = {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
};

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("test-report.ts")) {
  const tally = tallyReports(
    process.cwd(),
    process.argv.includes("--node24") ? { ...REPORTS, ...NODE24_REPORTS } : REPORTS,
  );
  for (const note of tally.notes) console.log(`  ${note}`);
  console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
}
