// GET /api/metrics in Prometheus' text format (prom-client), only with "Authorization: Bearer
// $METRICS_TOKEN" (a 404 when unset). The app's figures are read from PostgreSQL at each scrape, so
// they are the whole app's whichever web process answers; the process metrics are that process's.
import client from "prom-client";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { presentsToken } from "@/lib/server/bearer";
import { lastHeartbeat } from "@/lib/server/readiness";
import type { PrismaClient } from "@/prisma/generated/client";

/** Counters kept in MetricCounter (no other table records them). */
export type CounterName = "signin_emails_sent" | "signin_emails_refused";

/** Adds one to a counter, in one statement (safe from any number of processes at once). */
export async function countMetric(db: PrismaClient, name: CounterName): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "MetricCounter" (name, value) VALUES (${name}, 1)
    ON CONFLICT (name) DO UPDATE SET value = "MetricCounter".value + 1`;
}

type Figures = {
  attempts: { outcome: string; count: number }[];
  waiting: number;
  oldestDueSeconds: number;
  counters: { name: string; value: number }[];
  heartbeat: Date | null;
};

/** The app's figures: one statement, and the worker's heartbeat (readiness.ts). Paused plans are never due. */
export async function readFigures(db: PrismaClient, now = new Date()): Promise<Figures> {
  const [row] = await db.$queryRaw<
    {
      attempts: { outcome: string; count: number }[];
      waiting: number;
      oldest: Date | null;
      counters: { name: string; value: number }[];
    }[]
  >`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('outcome', outcome, 'count', n))
                FROM (SELECT outcome, count(*)::int AS n FROM "DeliveryAttempt" GROUP BY outcome) a), '[]') AS attempts,
      (SELECT count(*)::int FROM "Delivery" WHERE status IN ('QUEUED', 'SENDING')) AS waiting,
      (SELECT min("nextDueAt") FROM "CheckInPlan" WHERE paused = false AND "nextDueAt" <= ${now}) AS oldest,
      COALESCE((SELECT json_agg(json_build_object('name', name, 'value', value)) FROM "MetricCounter"), '[]') AS counters`;
  return {
    attempts: row!.attempts,
    waiting: row!.waiting,
    oldestDueSeconds: row!.oldest ? Math.max(0, (now.getTime() - row!.oldest.getTime()) / 1000) : 0,
    counters: row!.counters.map((c) => ({ name: c.name, value: Number(c.value) })),
    heartbeat: await lastHeartbeat(db),
  };
}

const OUTCOMES: Record<string, string> = {
  SENT: "sent",
  SKIPPED: "skipped",
  SUPPRESSED: "suppressed",
  RETRY: "retrying",
  FAILED: "failed",
};

/** A registry whose app metrics read `figures` at each scrape, beside the process metrics. */
export function createRegistry(figures: () => Promise<Figures>): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // One read per scrape, shared by the metrics below (each collect() asks for it).
  let current: Promise<Figures> | null = null;
  const read = () => (current ??= figures().finally(() => setTimeout(() => (current = null), 0)));

  new client.Counter({
    name: "talkoften_reminder_attempts_total",
    help: "Reminder email attempts by outcome: sent, skipped (paused or turned off), suppressed (bounced or complained), retrying (a temporary refusal), failed (refused for good).",
    labelNames: ["outcome"],
    registers: [registry],
    async collect() {
      const { attempts } = await read();
      this.reset();
      for (const outcome of Object.values(OUTCOMES)) this.inc({ outcome }, 0);
      for (const { outcome, count } of attempts)
        if (OUTCOMES[outcome]) this.inc({ outcome: OUTCOMES[outcome] }, count);
    },
  });
  new client.Gauge({
    name: "talkoften_reminder_deliveries_waiting",
    help: "Reminder emails queued or being sent now.",
    registers: [registry],
    async collect() {
      this.set((await read()).waiting);
    },
  });
  new client.Gauge({
    name: "talkoften_oldest_due_plan_seconds",
    help: "How long the oldest due monthly plan has waited to be dispatched (0 when none is due).",
    registers: [registry],
    async collect() {
      this.set((await read()).oldestDueSeconds);
    },
  });
  new client.Counter({
    name: "talkoften_signin_emails_total",
    help: "Sign-in emails: sent, or refused by the limits (3 per address, 10 per client in 15 minutes).",
    labelNames: ["result"],
    registers: [registry],
    async collect() {
      const { counters } = await read();
      const value = (name: string) => counters.find((c) => c.name === name)?.value ?? 0;
      this.reset();
      this.inc({ result: "sent" }, value("signin_emails_sent"));
      this.inc({ result: "refused" }, value("signin_emails_refused"));
    },
  });
  new client.Gauge({
    name: "talkoften_worker_heartbeat_timestamp_seconds",
    help: "When a reminder worker last reported in (Unix time; 0 if never).",
    registers: [registry],
    async collect() {
      const { heartbeat } = await read();
      this.set(heartbeat ? heartbeat.getTime() / 1000 : 0);
    },
  });
  return registry;
}

let registry: client.Registry | undefined;

/** GET /api/metrics. */
export async function metricsResponse(request: Request): Promise<Response> {
  const env = getEnv();
  const headers = { "Cache-Control": "no-store" };
  if (!env.METRICS_TOKEN) return new Response("Not found\n", { status: 404, headers });
  if (!presentsToken(request, env.METRICS_TOKEN)) {
    return new Response("Unauthorised\n", {
      status: 401,
      headers: { ...headers, "WWW-Authenticate": "Bearer" },
    });
  }
  registry ??= createRegistry(() => readFigures(getDb()));
  return new Response(await registry.metrics(), {
    headers: { ...headers, "Content-Type": registry.contentType },
  });
}
