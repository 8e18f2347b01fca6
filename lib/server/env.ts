// Every environment variable the app reads, validated once with zod. A bad value fails
// fast with a message that names the variable and says what is wrong, never its secret.
import { createPrivateKey } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { isLoopbackHost } from "@/lib/server/peer.mjs";

export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; `problems` has one line per variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates `source` (normally `process.env`) and returns typed settings, or throws EnvError. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(blanksRemoved);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when no SMTP server is configured and mail goes to the local outbox. */
export function usesOutbox(env: Env = getEnv()): boolean {
  return env.SMTP_URL === undefined;
}

function urlWithScheme(schemes: string[], example: string) {
  return z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `is not a valid URL; expected something like ${example}`,
      });
      return;
    }
    const scheme = url.protocol.replace(/:$/, "");
    if (!schemes.includes(scheme)) {
      ctx.addIssue({
        code: "custom",
        message: `must start with ${schemes.map((s) => `${s}://`).join(" or ")} (got ${scheme}://); expected something like ${example}`,
      });
    } else if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: `has no host name; expected something like ${example}` });
    }
  });
}

/** A whole number in [min, max]; every way of missing it gets the same `message`. */
function wholeNumber(min: number, max: number, message: string) {
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
}

/** An email address, optionally with a display name, as in `example`. */
function mailbox(example: string) {
  return z
    .string()
    .regex(
      /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      `must be an email address, optionally with a name: "${example}"`,
    );
}

function secretToken(name: string) {
  return z
    .string()
    .min(24, `must be at least 24 characters long; generate one with \`openssl rand -hex 24\` (${name})`)
    .optional();
}

function isPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

const port = wholeNumber(1, 65535, "must be a whole number between 1 and 65535");

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"], {
        message: 'must be "development", "production" or "test"',
      })
      .default("development"),
    PORT: port.default(3000),
    /**
     * The address `npm start` listens on. Unset: loopback only (127.0.0.1 and ::1) while mail goes
     * to the outbox, every interface once SMTP_URL is set.
     */
    HOST: z
      .string()
      .regex(/^[\w.:\[\]-]+$/, "must be a host name or an IP address, such as 0.0.0.0 or 127.0.0.1")
      .optional(),
    /**
     * How many proxies in front of the app append to X-Forwarded-For (nginx in front: 1). Unset or 0:
     * the client is the socket's peer and X-Forwarded-For is ignored.
     */
    TRUSTED_PROXIES: wholeNumber(
      0,
      10,
      "must be a whole number from 0 to 10: the proxies in front of the app",
    ).default(0),
    /**
     * The proxies whose X-Forwarded-For (and -Host) the app believes, comma-separated IP addresses.
     * Unset: loopback only (nginx on the same machine). A client reaching the port directly is never one.
     */
    TRUSTED_PROXY_ADDRESSES: z
      .string()
      .refine(
        (value) => value.split(",").every((address) => isIP(address.trim()) !== 0),
        "must be a comma-separated list of IP addresses, e.g. 10.0.0.5,10.0.0.6",
      )
      .optional(),
    /** How many processes `npm start` serves with; one per core when unset. */
    WEB_PROCESSES: wholeNumber(1, 64, "must be a whole number from 1 to 64").optional(),
    /** Where the embedded database, the mail outbox and generated secrets live. */
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: urlWithScheme(
      ["postgres", "postgresql"],
      "postgresql://user:password@localhost:5432/talkoften",
    ).optional(),
    /** Set by `npm start` when it started the embedded PostgreSQL itself. */
    TALK_OFTEN_EMBEDDED_DB: z
      .enum(["1"], { message: 'is set by npm start; leave it unset or "1"' })
      .optional(),
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters long; generate one with `openssl rand -base64 32`")
      .optional(),
    APP_URL: urlWithScheme(["http", "https"], "https://talkoften.example").optional(),
    SMTP_URL: urlWithScheme(["smtp", "smtps"], "smtps://user:password@smtp.example.com:465").optional(),
    /** Bearer token for POST /api/cron/reminders; the endpoint is off when unset. */
    CRON_SECRET: z
      .string()
      .min(24, "must be at least 24 characters long; generate one with `openssl rand -hex 24`")
      .optional(),
    MAIL_FROM: mailbox("Talk Often <hello@example.org>").default("Talk Often <no-reply@talkoften.localhost>"),
    /** Where replies to our emails go (e.g. a monitored support address); none when unset. */
    MAIL_REPLY_TO: mailbox("Talk Often <help@example.org>").optional(),
    /** The envelope sender (Return-Path), where bounces go: a provider's bounce-handling address. */
    MAIL_BOUNCE_ADDRESS: z.email("must be an email address, e.g. bounces@mail.talkoften.example").optional(),
    /**
     * How long a reminder job may stay locked before the every-minute task decides its worker died and
     * frees it for another worker (a send takes seconds).
     */
    REMINDER_LOCK_TIMEOUT_SECONDS: wholeNumber(
      5,
      86_400,
      "must be a whole number of seconds from 5 to 86400",
    ).default(300),
    /** "off": `npm start` runs no reminder worker (run `npm run worker` on its own instead). */
    WORKER: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
    /** How many reminder jobs `npm run worker` runs at once (graphile-worker's concurrency). */
    WORKER_CONCURRENCY: wholeNumber(1, 100, "must be a whole number from 1 to 100").default(5),
    /**
     * The log's format (read by lib/server/log.ts before the rest is checked, so that a bad setting
     * can still be logged): JSON lines, or readable text; unset, JSON in production without a terminal.
     */
    LOG_FORMAT: z.enum(["json", "text"], { message: 'must be "json" or "text"' }).optional(),
    /** Any value: the log writes its debug lines too (read by lib/server/log.ts). */
    LOG_DEBUG: z.string().optional(),
    /** "1" when building and starting for bench/pages.ts: the benchmark page /bare exists. */
    TALK_OFTEN_BENCH_PAGES: z
      .enum(["1"], { message: 'is for bench/pages.ts; leave it unset or "1"' })
      .optional(),
    /** Bearer token for GET /api/metrics; the page is a 404 when unset. */
    METRICS_TOKEN: secretToken("METRICS_TOKEN"),
    /** Bearer token (or basic-auth password, for SNS) for POST /api/mail-events; a 404 when unset. */
    MAIL_EVENTS_TOKEN: secretToken("MAIL_EVENTS_TOKEN"),
    /** DKIM signing: all three or none. The key is PEM; "\n" may stand for its line breaks. */
    DKIM_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "must be a domain name, e.g. talkoften.example")
      .optional(),
    DKIM_SELECTOR: z
      .string()
      .regex(/^[a-z0-9._-]+$/i, "must be a DKIM selector, e.g. talkoften1")
      .optional(),
    DKIM_PRIVATE_KEY: z
      .string()
      .transform((key) => key.replace(/\\n/g, "\n"))
      .refine((key) => isPrivateKey(key), "must be a PEM private key (-----BEGIN PRIVATE KEY----- …)")
      .optional(),
  })
  .superRefine((env, ctx) => {
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].filter(Boolean).length;
    if (dkim !== 0 && dkim !== 3) {
      for (const name of ["DKIM_DOMAIN", "DKIM_SELECTOR", "DKIM_PRIVATE_KEY"] as const)
        if (!env[name])
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "must be set too: DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY",
          });
    }
    // Without SMTP_URL every email, sign-in links too, is kept in the outbox: it must stay on this machine.
    if (env.SMTP_URL === undefined && env.HOST !== undefined && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["HOST"],
        message: `is ${env.HOST}, which other machines can reach, but SMTP_URL is not set: mail would go to the outbox, where anyone could read sign-in links. Set SMTP_URL, or leave HOST unset to listen on this machine only`,
      });
    }
    const appUrl = env.APP_URL !== undefined && URL.canParse(env.APP_URL) ? new URL(env.APP_URL) : null;
    if (env.NODE_ENV === "production" && appUrl) {
      const url = appUrl;
      if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: `must start with https:// in production (got ${url.origin}): sign-in cookies are Secure only over https. Plain http is for this machine only (http://localhost:3000)`,
        });
      }
    }
    const external = env.DATABASE_URL !== undefined && env.TALK_OFTEN_EMBEDDED_DB === undefined;
    if (env.NODE_ENV === "production" && external && env.AUTH_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "is required in production with an external DATABASE_URL (it signs sessions and links); generate one with `openssl rand -base64 32`",
      });
    }
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  }));
