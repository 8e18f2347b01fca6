// `npm test`: every suite (unit, integration, end-to-end), each run even when one before it
// fails, then one summary line from their JSON reports. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { REPORTS, tallyReports } from "./test-report";

rmSync("reports", { recursive: true, force: true });
mkdirSync("reports");

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const vitest = (project: "unit" | "integration") => [
  "vitest",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${REPORTS[project]}`,
];
const suites: [string, string[]][] = [
  ["unit", vitest("unit")],
  ["integration", vitest("integration")],
  ["e2e", ["playwright", "test"]],
];

const exitCodes: Record<string, number> = {};
for (const [name, args] of suites) {
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync("npx", ["--no-install", ...args], { stdio: "inherit", env });
  exitCodes[name] = result.status ?? 1;
}

const tally = tallyReports();
console.log("");
for (const note of tally.notes) console.log(`  ${note}`);
const failedRunners = Object.entries(exitCodes)
  .filter(([, code]) => code !== 0)
  .map(([name]) => name);
if (failedRunners.length) console.log(`  runners that exited non-zero: ${failedRunners.join(", ")}`);
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(failedRunners.length === 0 && tally.failed === 0 && tally.passed > 0 ? 0 : 1);
