// `npm run bench:pages`: page speed on this machine, against the production server (`npm start`,
// built for this address if needed), with its own data folder. Prints:
//   - Lighthouse 12 (mobile profile, simulated slow 4G and a 4x slower CPU) on /, an age hub, a guide
//     and /bare, driving Debian's Chromium: performance, accessibility, best practices, SEO (the
//     median of --runs runs);
//   - for a guide page and for /bare (the same layout and build with no content): HTML bytes and
//     JavaScript bytes (raw and gzip), and what the guide adds over the bare page;
//   - requests per second for each of the two with autocannon on loopback, and their ratio.
// Prints figures; asserts nothing.
import os from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";
import { startServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3210" },
    seconds: { type: "string", default: "15" },
    connections: { type: "string", default: "10" },
    // One server process by default, so that Chromium and autocannon have the other core to
    // themselves and the figures are the server's, not the load generator's.
    processes: { type: "string", default: "1" },
    // Lighthouse runs per page; the median run is reported, as Lighthouse's documentation advises
    // (one run moves by several points with whatever else the machine is doing).
    runs: { type: "string", default: "3" },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const GUIDE = "/guides/8-10/live-streaming";
// `/bare` too: the framework's own floor, to read the others against.
const LIGHTHOUSE_PAGES = ["/", "/guides/8-10", GUIDE, "/bare"];

async function bytesOf(pathname: string) {
  const html = await (await fetch(`${base}${pathname}`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let js = 0;
  let jsGzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    js += body.length;
    jsGzip += gzipSync(body, { level: 9 }).length;
  }
  // Inline scripts (the page's data for React) count too.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .join("");
  return {
    html: Buffer.byteLength(html),
    htmlGzip: gzipSync(html, { level: 9 }).length,
    scripts: new Set(scripts).size,
    js,
    jsGzip,
    inlineJsGzip: gzipSync(inline, { level: 9 }).length,
  };
}

async function throughput(pathname: string) {
  const result = await autocannon({
    url: `${base}${pathname}`,
    connections: Number(values.connections),
    duration: Number(values.seconds),
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startServer(port, { processes: Number(values.processes) });

try {
  console.log(
    `Page benchmark, ${os.cpus().length} cores, ${values.processes} server process(es), ${new Date().toISOString()}`,
  );

  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const scores: Record<string, unknown>[] = [];
  try {
    for (const pathname of LIGHTHOUSE_PAGES) {
      await fetch(`${base}${pathname}`); // warm
      const runs = [];
      for (let run = 0; run < Number(values.runs); run += 1) {
        const result = await lighthouse(`${base}${pathname}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
        });
        runs.push(result!.lhr);
      }
      // A run that Chromium could not paint (Lighthouse's NO_FCP) says nothing about the page: say so.
      const valid = filterToValidRuns(runs) as typeof runs;
      for (const run of runs) if (run.runtimeError) console.log(`${pathname}: ${run.runtimeError.message}`);
      if (valid.length === 0) throw new Error(`no Lighthouse run of ${pathname} was valid`);
      const lhr = computeMedianRun(valid) as (typeof runs)[number];
      const score = (id: string, of = lhr) => Math.round((of.categories[id]?.score ?? 0) * 100);
      const performances = valid.map((r) => score("performance", r));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      scores.push({
        page: pathname,
        performance: score("performance"),
        "performance (all runs)": performances.join(" "),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcp: lhr.audits["largest-contentful-paint"]?.displayValue,
        tbt: lhr.audits["total-blocking-time"]?.displayValue,
        cls: lhr.audits["cumulative-layout-shift"]?.displayValue,
        failing: failing.join(" ") || "-",
      });
    }
  } finally {
    await chrome.kill();
  }
  console.log(`\nLighthouse (mobile), the median of ${values.runs} runs per page:`);
  console.table(scores);

  const guide = await bytesOf(GUIDE);
  const bare = await bytesOf("/bare");
  console.log("\nBytes:");
  console.table(
    [
      ["guide " + GUIDE, guide],
      ["bare /bare", bare],
    ].map(([name, b]) => {
      const bytes = b as Awaited<ReturnType<typeof bytesOf>>;
      return {
        page: name,
        html: kb(bytes.html),
        htmlGzip: kb(bytes.htmlGzip),
        scripts: bytes.scripts,
        js: kb(bytes.js),
        jsGzip: kb(bytes.jsGzip),
        inlineJsGzip: kb(bytes.inlineJsGzip),
      };
    }),
  );
  console.log(
    `JavaScript the guide adds over the bare page (gzip, files + inline): ${kb(
      guide.jsGzip + guide.inlineJsGzip - bare.jsGzip - bare.inlineJsGzip,
    )}`,
  );

  const guideRate = await throughput(GUIDE);
  const bareRate = await throughput("/bare");
  console.log(`\nThroughput (autocannon, ${values.connections} connections, ${values.seconds} s each):`);
  console.table([
    { page: GUIDE, ...guideRate },
    { page: "/bare", ...bareRate },
  ]);
  console.log(`Ratio guide / bare: ${(guideRate.rps / bareRate.rps).toFixed(2)}`);
} finally {
  await server.stop();
}
process.exit(0);
