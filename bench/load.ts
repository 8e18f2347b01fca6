// `npm run bench:load [-- --parents 50 --think 2000 --ramp 10 --reads 100 --readers 0 --seconds 60
//   --warmup 10]`: the app under load on this machine.
// Starts the production server (`npm start`) on the embedded PostgreSQL with its own data folder.
// Virtual parents act as a browser without JavaScript would (cookies, forms with their hidden
// server-action fields, redirects): ask for a sign-in link, follow it from the outbox, add a child,
// then create and edit that child's plan again and again, while guide pages are read: at a steady
// rate (--reads a second), and by readers who never pause (--readers), who take all the CPU left. Prints
// requests per second, p50/p95/p99 latency per route, errors (rate limits apart), and checks that
// every plan's last saved version is in the database exactly as sent. Asserts nothing about time.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Parser } from "htmlparser2";
import pg from "pg";
import { getGuides } from "../lib/guides/load-guides";
import { listOutbox } from "../lib/email/outbox";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { benchOptions } from "./options";
import { startServer } from "./server";

const options = benchOptions({
  port: 3211,
  parents: 50,
  // Guide pages read per second by passers-by, at a steady rate whatever the server's speed.
  reads: 100,
  // Readers who fetch guide after guide without ever pausing: they take all the CPU there is.
  readers: 0,
  seconds: 60,
  // A parent pauses 1–3 s between steps (half to one and a half times this), as a person reading
  // and typing does; 0 for no pause at all (each parent then asks again as soon as answered).
  think: 2000,
  // Parents arrive one after another over this many seconds, as people do, rather than all at once.
  ramp: 10,
  // First, this many seconds of the same mix (10 parents, the steady reads), not counted: every
  // server process loads its code and fills its caches on its first requests of each kind.
  warmup: 10,
});
const port = options.port;
const base = `http://127.0.0.1:${port}`;
const PARENTS = options.parents;
const READERS = options.readers;
const READS_PER_SECOND = options.reads;
const SECONDS = options.seconds;
const THINK_MS = options.think;
const RAMP_MS = options.ramp * 1000;
const WARMUP_SECONDS = options.warmup;
const think = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));

// ── measurements ────────────────────────────────────────────────────────────────────────────
const timings = new Map<string, number[]>();
const bytes = new Map<string, number>();
const errors = new Map<string, string[]>();
let rateLimited = 0;
const record = (route: string, ms: number) => timings.set(route, [...(timings.get(route) ?? []), ms]);
const fail = (route: string, why: string) => errors.set(route, [...(errors.get(route) ?? []), why]);

// ── a browser without JavaScript ─────────────────────────────────────────────────────────────
type Form = { action: string; fields: [string, string][]; controls: Set<string>; buttons: string[] };

function formsOf(html: string): Form[] {
  const forms: Form[] = [];
  let form: Form | null = null;
  let inButton = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "form" && (attrs.method ?? "get").toLowerCase() === "post") {
        form = { action: attrs.action ?? "", fields: [], controls: new Set(), buttons: [] };
      }
      if (!form) return;
      if (name === "input" && attrs.name) {
        form.controls.add(attrs.name);
        const type = (attrs.type ?? "text").toLowerCase();
        if (type === "hidden") form.fields.push([attrs.name, attrs.value ?? ""]);
      }
      if ((name === "select" || name === "textarea") && attrs.name) form.controls.add(attrs.name);
      if (name === "button") {
        inButton = true;
        form.buttons.push("");
      }
    },
    ontext(text) {
      if (form && inButton) form.buttons[form.buttons.length - 1] += text.trim();
    },
    onclosetag(name) {
      if (name === "button") inButton = false;
      if (name === "form" && form) {
        forms.push(form);
        form = null;
      }
    },
  });
  parser.write(html);
  parser.end();
  return forms;
}

class Visitor {
  private cookies = new Map<string, string>();
  constructor(private readonly ip: string) {}

  /** One request and its redirects, timed as one under `route`. Returns the final page. */
  async go(
    route: string,
    url: string,
    body?: FormData,
  ): Promise<{ status: number; html: string; url: string }> {
    const started = performance.now();
    let method = body ? "POST" : "GET";
    let target = new URL(url, base).toString();
    for (let hop = 0; hop < 6; hop += 1) {
      const response = await fetch(target, {
        method,
        body: method === "POST" ? body : undefined,
        redirect: "manual",
        headers: {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          "x-forwarded-for": this.ip,
          origin: base,
        },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair!.indexOf("=");
        this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        target = new URL(location, target).toString();
        method = "GET";
        continue;
      }
      const html = await response.text();
      record(route, performance.now() - started);
      bytes.set(route, (bytes.get(route) ?? 0) + Buffer.byteLength(html));
      if (response.status >= 500) fail(route, `HTTP ${response.status}`);
      return { status: response.status, html, url: target };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  async submit(
    route: string,
    page: { html: string; url: string },
    pick: (form: Form) => boolean,
    fields: Record<string, string>,
  ) {
    const form = formsOf(page.html).find(pick);
    if (!form) throw new Error(`${route}: no such form on ${page.url}`);
    const data = new FormData();
    for (const [name, value] of form.fields) data.append(name, value);
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return this.go(route, new URL(form.action || page.url, page.url).toString(), data);
  }
}

// ── virtual parents and readers ─────────────────────────────────────────────────────────────
const TIME_ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Chatham",
];
const random = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

function randomPlan(): Record<string, string> {
  const ruleKind = random(["DAY_OF_MONTH", "LAST_DAY", "NTH_WEEKDAY"] as const);
  const plan: Record<string, string> = {
    ruleKind,
    dayOfMonth: String(1 + Math.floor(Math.random() * 28)),
    nth: random(["1", "2", "3", "4", "-1"]),
    weekday: String(1 + Math.floor(Math.random() * 7)),
    localTime: `${String(Math.floor(Math.random() * 24)).padStart(2, "0")}:${random(["00", "15", "30", "45"])}`,
    timeZone: random(TIME_ZONES),
    email: "on",
  };
  if (Math.random() < 0.5) plan.calendar = "on";
  return plan;
}

type Sent = { email: string; plan: Record<string, string> | null; saves: number };

async function parent(index: number, until: number, arriveAfterMs: number): Promise<Sent> {
  const email = `load-${index}-${Date.now().toString(36)}@example.org`;
  const visitor = new Visitor(`10.${Math.floor(index / 250)}.${index % 250}.9`);
  const sent: Sent = { email, plan: null, saves: 0 };
  await new Promise((r) => setTimeout(r, arriveAfterMs));
  try {
    const signin = await visitor.go("GET /signin", "/signin");
    await think(); // typing an email address
    const asked = await visitor.submit("POST sign-in request", signin, (f) => f.controls.has("email"), {
      email,
    });
    if (/Too many sign-in emails/.test(asked.html)) {
      rateLimited += 1;
      return sent;
    }
    const message = (await listOutbox(dataDir)).find((m) => m.to === email);
    if (!message) throw new Error("no sign-in email");
    await think(); // opening the email
    let account = await visitor.go("GET sign-in link → /account", message.links[0]!);
    if (!account.url.endsWith("/account")) throw new Error(`sign-in landed on ${account.url}`);
    await think();
    account = await visitor.submit("POST add child", account, (f) => f.buttons.includes("Add child"), {
      label: `P${index}`,
      ageBy: "group",
      ageGroup: random(["4-7", "8-10", "11-13", "14-17"]),
    });
    while (Date.now() < until) {
      await think();
      const plan = randomPlan();
      const saved = await visitor.submit("POST save plan", account, (f) => f.controls.has("ruleKind"), plan);
      if (saved.status === 200 && /Check-in plan saved/.test(saved.html)) {
        sent.plan = plan;
        sent.saves += 1;
      } else fail("POST save plan", `status ${saved.status}, no confirmation`);
      await think();
      account = await visitor.go("GET /account", "/account");
      await think();
      await visitor.go("GET guide", random(getGuides()).path);
    }
  } catch (error) {
    fail("parent flow", (error as Error).message);
  }
  return sent;
}

async function reader(index: number, until: number) {
  const visitor = new Visitor(`172.16.${index}.1`);
  while (Date.now() < until) await visitor.go("GET guide (reader)", random(getGuides()).path);
}

/** Guide reads started at a steady rate, each by a new visitor, not waiting for earlier ones. */
async function steadyReads(perSecond: number, until: number) {
  if (perSecond <= 0) return;
  const inFlight = new Set<Promise<unknown>>();
  const started = Date.now();
  for (let n = 0; ; n += 1) {
    const at = started + (n * 1000) / perSecond;
    if (at >= until) break;
    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
    const visitor = new Visitor(`172.17.${Math.floor(n / 250) % 250}.${n % 250}`);
    const read = visitor
      .go("GET guide (steady reads)", random(getGuides()).path)
      .catch((error: Error) => fail("GET guide (steady reads)", error.message));
    inFlight.add(read);
    void read.finally(() => inFlight.delete(read));
  }
  await Promise.all(inFlight);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const server = await startServer(port);
const { dataDir } = server;

try {
  console.log(
    `Load benchmark: ${PARENTS} parents (arriving over ${RAMP_MS / 1000} s, pausing ${THINK_MS} ms between steps), after ${WARMUP_SECONDS} s of warm-up, ${READS_PER_SECOND} guide reads a second and ${READERS} readers who never pause, for ${SECONDS} s, ${os.cpus().length} cores, ${new Date().toISOString()}`,
  );
  if (WARMUP_SECONDS > 0) {
    const warmUntil = Date.now() + WARMUP_SECONDS * 1000;
    await Promise.all([
      ...Array.from({ length: Math.min(PARENTS, 10) }, (_, i) => parent(1000 + i, warmUntil, i * 200)),
      steadyReads(READS_PER_SECOND, warmUntil),
    ]);
    for (const map of [timings, bytes, errors]) map.clear();
    rateLimited = 0;
  }
  // This process's own delays count in every latency it measures: print them with the figures.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = Date.now();
  const until = started + SECONDS * 1000;
  const [sent] = await Promise.all([
    Promise.all(Array.from({ length: PARENTS }, (_, i) => parent(i, until, (RAMP_MS * i) / PARENTS))),
    Promise.all(Array.from({ length: READERS }, (_, i) => reader(i, until))),
    steadyReads(READS_PER_SECOND, until),
  ]);
  const elapsed = (Date.now() - started) / 1000;
  const total = [...timings.values()].reduce((n, list) => n + list.length, 0);
  console.log(`\n${total} requests in ${elapsed.toFixed(1)} s: ${(total / elapsed).toFixed(0)} requests/s`);
  console.table(
    [...timings].map(([route, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        route,
        requests: list.length,
        p50: `${percentile(sorted, 50).toFixed(0)} ms`,
        p95: `${percentile(sorted, 95).toFixed(0)} ms`,
        p99: `${percentile(sorted, 99).toFixed(0)} ms`,
        errors: errors.get(route)?.length ?? 0,
        html: `${((bytes.get(route) ?? 0) / list.length / 1024).toFixed(1)} KB`,
      };
    }),
  );
  loopDelay.disable();
  const ms = (ns: number) => `${(ns / 1e6).toFixed(0)} ms`;
  console.log(
    `Event-loop delay of the load generator itself: p50 ${ms(loopDelay.percentile(50))}, p99 ${ms(loopDelay.percentile(99))}, max ${ms(loopDelay.max)}`,
  );
  const errorCount = [...errors.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `Errors (other than rate limits): ${errorCount}; sign-ins refused by the rate limit: ${rateLimited}`,
  );
  for (const [route, list] of errors) console.log(`  ${route}: ${[...new Set(list)].slice(0, 3).join("; ")}`);

  // Nothing lost: each parent's last saved plan is in the database exactly as sent.
  const db = await startEmbeddedPostgres({ dataDir });
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  let checked = 0;
  const mismatches: string[] = [];
  for (const { email, plan } of sent) {
    if (!plan) continue;
    checked += 1;
    const { rows } = await client.query(
      `SELECT p.* FROM "CheckInPlan" p JOIN "Child" c ON c.id = p."childId" JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
      [email],
    );
    const row = rows[0];
    const expected = {
      ruleKind: plan.ruleKind,
      dayOfMonth: plan.ruleKind === "DAY_OF_MONTH" ? Number(plan.dayOfMonth) : null,
      nth: plan.ruleKind === "NTH_WEEKDAY" ? Number(plan.nth) : null,
      weekday: plan.ruleKind === "NTH_WEEKDAY" ? Number(plan.weekday) : null,
      localTime: plan.localTime,
      timeZone: plan.timeZone,
      emailEnabled: plan.email === "on",
      calendarEnabled: plan.calendar === "on",
    };
    const actual = row && Object.fromEntries(Object.keys(expected).map((k) => [k, row[k]]));
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push(`${email}: sent ${JSON.stringify(expected)}, stored ${JSON.stringify(actual)}`);
    }
  }
  await client.end();
  const saves = sent.reduce((n, s) => n + s.saves, 0);
  console.log(
    `Plans saved: ${saves} saves by ${checked} parents; last version in the database exactly as sent: ${checked - mismatches.length} of ${checked}`,
  );
  for (const line of mismatches.slice(0, 5)) console.log(`  ${line}`);
} finally {
  await server.stop();
}
process.exit(0);
