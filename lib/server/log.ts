// How the start script and the reminder worker log. Under a process manager (production, output not
// a terminal) one JSON object per line: {"level","time","message", ...ids}; at a terminal or in
// development, readable lines. LOG_FORMAT=json|text overrides. Never an email address or a token:
// both are scrubbed from every message and field before it is written.

export type Level = "debug" | "info" | "warn" | "error";
export type Fields = Record<string, string | number | boolean | null | undefined>;

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
// A signed link's token ("payload.signature") or a secret: a long run of base64url and dots.
// Row ids (cuid, "del_" and a uuid) and hex hashes, all lower case, stay readable.
const TOKEN = /[A-Za-z0-9_.-]{32,}/g;

/** Removes email addresses and tokens from a line of text. */
export function scrub(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(TOKEN, (match) => (/^[a-z0-9_.-]+$/.test(match) ? match : "[token]"));
}

export type LogFormat = "json" | "text";

/** JSON when asked, or in production with output going to a file, a pipe or a process manager. */
export function logFormat(
  vars: NodeJS.ProcessEnv = process.env,
  terminal = !!process.stdout.isTTY,
): LogFormat {
  if (vars.LOG_FORMAT === "json" || vars.LOG_FORMAT === "text") return vars.LOG_FORMAT;
  return vars.NODE_ENV === "production" && !terminal ? "json" : "text";
}

export type Log = Record<Level, (message: string, fields?: Fields) => void>;

export function createLog(
  options: {
    format?: () => LogFormat;
    write?: (line: string, level: Level) => void;
    now?: () => Date;
    /** Put before a readable line, e.g. "[worker]". */
    prefix?: string;
  } = {},
): Log {
  const format = options.format ?? (() => logFormat());
  const now = options.now ?? (() => new Date());
  const write =
    options.write ??
    ((line: string, level: Level) =>
      (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`));
  const emit =
    (level: Level) =>
    (message: string, fields: Fields = {}) => {
      if (level === "debug" && !process.env.LOG_DEBUG) return;
      const clean: Record<string, string | number | boolean | null> = {};
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        clean[key] = typeof value === "string" ? scrub(value) : value;
      }
      if (format() === "json") {
        write(JSON.stringify({ level, time: now().toISOString(), message: scrub(message), ...clean }), level);
        return;
      }
      const extra = Object.entries(clean).map(([key, value]) => `${key}=${String(value)}`);
      const label = level === "info" ? "" : `${level}: `;
      const text = [options.prefix, `${label}${scrub(message)}`, ...extra].filter(Boolean).join(" ");
      write(text, level);
    };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** The process's log. */
export const log = createLog();
