// `npm run bench:pages`: page speed on this machine, against the production server (`npm start`,
// built for this address if needed), with its own data folder. Prints:
//   - Lighthouse 12 (mobile profile, simulated slow 4G and a 4x slower CPU) on /, an age hub, a guide
//     and /bare, driving Debian's Chromium: performance, accessibility, best practices, SEO (the
//     median of --runs runs);
//   - for a guide page and for /bare (the same layout and build with no content): HTML bytes and
//     JavaScript bytes (raw and gzip), and what the guide adds over the bare page;
//   - requests per second for each of the two with autocannon on loopback, in alternating rounds
//     after a warm-up, and their ratio;
//   - the guide three ways: the app alone, through the front proxy (deploy/nginx), and nginx serving
//     the same HTML pre-compressed (the static limit), with each one's share of that limit
//     (--no-proxy leaves it out).
// `--runs 0` leaves Lighthouse out (bytes and throughput only).
// Prints figures; asserts nothing.
import os from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../scripts/embedded-postgres";
import { startFrontProxy } from "../tests/helpers/front-proxy";
import { benchOptions } from "./options";
import { startServer } from "./server";

const values = benchOptions({
  port: 3210,
  // Seconds of each throughput round.
  seconds: 10,
  connections: 10,
  // Throughput is measured in rounds that alternate guide and bare page, after a warm-up of both,
  // so that neither gains from running second (a warmer JIT) or loses to a busy moment of the machine.
  rounds: 4,
  // One server process by default, so that Chromium and autocannon have the other core to
  // themselves and the figures are the server's, not the load generator's.
  processes: 1,
  // Lighthouse runs per page; the median run is reported, as Lighthouse's documentation advises
  // (one run moves by several points with whatever else the machine is doing); it suggests five.
  runs: 5,
  // The front proxy (deploy/nginx) side by side with the app alone and nginx's static limit.
  proxy: true,
});
const port = values.port;
const base = `http://127.0.0.1:${port}`;
const GUIDE = "/guides/8-10/live-streaming";
// `/bare` too: the framework's own floor, to read the others against.
const LIGHTHOUSE_PAGES = ["/", "/guides/8-10", GUIDE, "/bare"];

async function bytesOf(pathname: string) {
  const html = await (await fetch(`${base}${pathname}`)).text();
  const tags = [...html.matchAll(/<script([^>]*)\bsrc="([^"]+)"[^>]*>/g)];
  // `nomodule` scripts (Next.js's polyfills) are fetched only by browsers too old for modules: the
  // phones and browsers we serve never download them. Counted apart.
  const modern = new Set(tags.filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => m[2]!));
  const legacy = new Set(tags.filter((m) => /\bnomodule\b/i.test(m[0])).map((m) => m[2]!));
  const gzipOf = async (srcs: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const js = await gzipOf(modern);
  // Inline scripts (the page's data for React) count too.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .join("");
  return {
    html: Buffer.byteLength(html),
    htmlGzip: gzipSync(html, { level: 9 }).length,
    scripts: modern.size,
    js: js.raw,
    jsGzip: js.gzip,
    inlineJsGzip: gzipSync(inline, { level: 9 }).length,
    legacyJsGzip: (await gzipOf(legacy)).gzip,
  };
}

async function throughput(pathname: string, seconds: number, origin = base) {
  const result = await autocannon({
    url: `${origin}${pathname}`,
    connections: values.connections,
    duration: seconds,
    // As browsers ask: every figure here is for the compressed page.
    headers: { "accept-encoding": "gzip" },
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function lighthouseScores() {
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
      for (let run = 0; run < values.runs; run += 1) {
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
        // The median run is Lighthouse's (the run nearest the median first paint and time to
        // interactive), and its score can differ from the median of the scores: both are shown.
        "performance (median run)": score("performance"),
        "median score": [...performances].sort((a, b) => a - b)[Math.floor((performances.length - 1) / 2)], // the lower middle of an even count
        "all runs": performances.join(" "),
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
  console.log(`\nLighthouse (mobile), ${values.runs} runs per page, the median run's figures:`);
  console.table(scores);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The guide three ways, in one run, all over TLS with Accept-Encoding: gzip: from the app alone
 * (plain http on loopback), through the front proxy (deploy/nginx, a cache hit), and nginx serving the
 * same prerendered HTML file pre-compressed (gzip_static), the static limit.
 */
async function frontProxyTable() {
  const html = await (await fetch(`${base}${GUIDE}`)).text();
  const proxy = await startFrontProxy({
    appPorts: [port],
    extra: `
  server {
    listen ${staticPort} ssl;
    ssl_certificate $PREFIX/cert.pem;
    ssl_certificate_key $PREFIX/key.pem;
    location = ${GUIDE} { gzip_static on; default_type text/html; alias $PREFIX/static/guide.html; }
  }`,
  });
  mkdirSync(path.join(proxy.prefix, "static"));
  writeFileSync(path.join(proxy.prefix, "static/guide.html"), html);
  writeFileSync(path.join(proxy.prefix, "static/guide.html.gz"), gzipSync(html, { level: 9 }));
  const staticOrigin = `https://127.0.0.1:${staticPort}`;
  try {
    const ways: [string, string][] = [
      ["app alone (http)", base],
      ["through the proxy (https, cache hit)", proxy.httpsOrigin],
      ["nginx static, pre-compressed (https)", staticOrigin],
    ];
    for (const [, origin] of ways) await throughput(GUIDE, 3, origin); // warm up, fill the cache
    const totals = new Map<string, number>(ways.map(([name]) => [name, 0]));
    const rows: Record<string, unknown>[] = [];
    for (let round = 1; round <= values.rounds; round += 1) {
      const order = round % 2 === 1 ? ways : [...ways].reverse();
      for (const [name, origin] of order) {
        const result = await throughput(GUIDE, values.seconds, origin);
        totals.set(name, totals.get(name)! + result.requests);
        rows.push({ round, way: name, "req/s": result.rps, "p99 ms": result.p99, errors: result.errors });
      }
    }
    console.log(
      `\nThe guide three ways (autocannon, ${values.connections} connections, gzip, ${values.rounds} rounds of ${values.seconds} s, order alternating), ${new Date().toISOString()}:`,
    );
    console.table(rows);
    const limit = totals.get(ways[2]![0])!;
    console.table(
      ways.map(([name]) => ({
        way: name,
        "req/s": Math.round(totals.get(name)! / (values.rounds * values.seconds)),
        "of the static limit": (totals.get(name)! / limit).toFixed(2),
      })),
    );
  } finally {
    await proxy.stop();
  }
}

const staticPort = await freePort();
const server = await startServer(port, { processes: values.processes });

try {
  console.log(
    `Page benchmark, ${os.cpus().length} cores, ${values.processes} server process(es), ${new Date().toISOString()}`,
  );

  if (values.runs > 0) await lighthouseScores();

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
        "nomodule (not loaded)": kb(bytes.legacyJsGzip),
      };
    }),
  );
  console.log(
    `JavaScript the guide adds over the bare page (gzip, files + inline): ${kb(
      guide.jsGzip + guide.inlineJsGzip - bare.jsGzip - bare.inlineJsGzip,
    )}`,
  );

  // Warm both up (the JIT, Next.js's caches), then alternate.
  await throughput(GUIDE, 3);
  await throughput("/bare", 3);
  const rounds: Record<string, unknown>[] = [];
  let guideTotal = 0;
  let bareTotal = 0;
  for (let round = 1; round <= values.rounds; round += 1) {
    const first = round % 2 === 1 ? GUIDE : "/bare"; // alternate which goes first, too
    const a = await throughput(first, values.seconds);
    const b = await throughput(first === GUIDE ? "/bare" : GUIDE, values.seconds);
    const [guideRate, bareRate] = first === GUIDE ? [a, b] : [b, a];
    guideTotal += guideRate.requests;
    bareTotal += bareRate.requests;
    rounds.push({
      round,
      "guide req/s": guideRate.rps,
      "guide p99 ms": guideRate.p99,
      "bare req/s": bareRate.rps,
      "bare p99 ms": bareRate.p99,
      errors: guideRate.errors + bareRate.errors,
      ratio: (guideRate.rps / bareRate.rps).toFixed(2),
    });
  }
  console.log(
    `\nThroughput (autocannon, ${values.connections} connections, ${values.rounds} rounds of ${values.seconds} s each, guide ${GUIDE} and /bare alternating):`,
  );
  console.table(rounds);
  console.log(`Ratio guide / bare over all rounds: ${(guideTotal / bareTotal).toFixed(2)}`);

  if (values.proxy) await frontProxyTable();
} finally {
  await server.stop();
}
process.exit(0);
