// The start script's and the worker's log: JSON lines under a process manager, readable at a
// terminal, and never an email address or a token in either.
import { describe, expect, it } from "vitest";
import { createLog, logFormat, scrub, type Level } from "@/lib/server/log";

function capture(format: "json" | "text") {
  const lines: { line: string; level: Level }[] = [];
  const log = createLog({
    format: () => format,
    write: (line, level) => lines.push({ line, level }),
    now: () => new Date("2026-12-01T19:00:00Z"),
    prefix: "[worker]",
  });
  return { log, lines };
}

describe("the log", () => {
  it("writes one JSON object per line in JSON mode: level, time, message and ids", () => {
    const { log, lines } = capture("json");
    log.info("Sent", { delivery: "cmabc123def456ghi789jkl0m", attempt: 1, skipped: undefined });
    log.error("SMTP refused\nsecond line");
    expect(lines.map((l) => JSON.parse(l.line))).toEqual([
      {
        level: "info",
        time: "2026-12-01T19:00:00.000Z",
        message: "Sent",
        delivery: "cmabc123def456ghi789jkl0m",
        attempt: 1,
      },
      { level: "error", time: "2026-12-01T19:00:00.000Z", message: "SMTP refused\nsecond line" },
    ]);
    expect(lines.every((l) => !l.line.includes("\n"))).toBe(true);
    expect(lines.map((l) => l.level)).toEqual(["info", "error"]);
  });

  it("writes readable lines in text mode", () => {
    const { log, lines } = capture("text");
    log.info("Reminder worker running.");
    log.warn("will retry", { job: "42" });
    expect(lines.map((l) => l.line)).toEqual([
      "[worker] Reminder worker running.",
      "[worker] warn: will retry job=42",
    ]);
  });

  it("never writes an email address or a token, in the message or in a field", () => {
    const { log, lines } = capture("json");
    log.warn("550 5.1.1 <Parent.Name+kids@example.co.uk>: Recipient address rejected", {
      link: "https://talkoften.test/checkin/eyJkIjoiY214eXoiLCJlIjoxNzk4fQ.Xk3_q9LmZp0aB4cD5eF6gH7iJ8kL9mN0",
      token: "a8F_kd93-KdlQ0zP1xY2wV3uT4sR5qP6oN7m",
    });
    const entry = JSON.parse(lines[0]!.line) as Record<string, string>;
    expect(entry.message).toBe("550 5.1.1 <[email]>: Recipient address rejected");
    expect(entry.link).toBe("https://talkoften.test/checkin/[token]");
    expect(entry.token).toBe("[token]");
    // Row ids and lower-case hashes stay readable.
    expect(
      scrub(
        "delivery cmabc123def456ghi789jkl0m hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      ),
    ).toBe(
      "delivery cmabc123def456ghi789jkl0m hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    );
  });

  it("is JSON in production when output is not a terminal, readable otherwise, and LOG_FORMAT decides when set", () => {
    expect(logFormat({ NODE_ENV: "production" }, false)).toBe("json");
    expect(logFormat({ NODE_ENV: "production" }, true)).toBe("text");
    expect(logFormat({ NODE_ENV: "development" }, false)).toBe("text");
    expect(logFormat({ NODE_ENV: "development", LOG_FORMAT: "json" }, true)).toBe("json");
    expect(logFormat({ NODE_ENV: "production", LOG_FORMAT: "text" }, false)).toBe("text");
  });
});
