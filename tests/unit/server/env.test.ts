import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/server/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be rejected");
}

describe("parseEnv", () => {
  it("runs on the embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.MAIL_FROM).toMatch(/@/);
  });

  it("derives APP_URL from PORT and drops a trailing slash from a given one", () => {
    expect(parseEnv({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ APP_URL: "https://talkoften.example/" }).APP_URL).toBe("https://talkoften.example");
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  ", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names DATABASE_URL when it is not a PostgreSQL URL, without echoing the password", () => {
    const [problem, ...rest] = problemsOf({ DATABASE_URL: "mysql://admin:hunter2@db.example/app" });
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/ \(got mysql:\/\/\)/,
    );
    expect(problem).not.toContain("hunter2");
  });

  it("names DATABASE_URL when it is not a URL at all", () => {
    expect(problemsOf({ DATABASE_URL: "localhost:5432/talkoften" })[0]).toMatch(
      /^DATABASE_URL: (is not a valid URL|must start with)/,
    );
    expect(problemsOf({ DATABASE_URL: "not a url" })[0]).toMatch(/^DATABASE_URL: is not a valid URL/);
  });

  it("names SMTP_URL when its scheme is wrong", () => {
    expect(problemsOf({ SMTP_URL: "http://mail.example" })).toEqual([
      expect.stringMatching(/^SMTP_URL: must start with smtp:\/\/ or smtps:\/\/ \(got http:\/\/\)/),
    ]);
  });

  it("names PORT when it is not a port number", () => {
    expect(problemsOf({ PORT: "eighty" })).toEqual(["PORT: must be a whole number between 1 and 65535"]);
    expect(problemsOf({ PORT: "70000" })).toEqual(["PORT: must be a whole number between 1 and 65535"]);
  });

  it("names WEB_PROCESSES when it is not a count from 1 to 64", () => {
    for (const bad of ["two", "0", "1.5", "65"]) {
      expect(problemsOf({ WEB_PROCESSES: bad })).toEqual([
        "WEB_PROCESSES: must be a whole number from 1 to 64",
      ]);
    }
    expect(parseEnv({ WEB_PROCESSES: "3" }).WEB_PROCESSES).toBe(3);
    expect(parseEnv({}).WEB_PROCESSES).toBeUndefined();
  });

  it("names MAIL_REPLY_TO when it is not an address", () => {
    expect(problemsOf({ MAIL_REPLY_TO: "help desk" })[0]).toMatch(/^MAIL_REPLY_TO: must be an email address/);
  });

  it("names MAIL_FROM when it is not an address", () => {
    expect(problemsOf({ MAIL_FROM: "Talk Often" })[0]).toMatch(/^MAIL_FROM: must be an email address/);
    expect(parseEnv({ MAIL_FROM: "Talk Often <hello@example.org>" }).MAIL_FROM).toBe(
      "Talk Often <hello@example.org>",
    );
  });

  it("requires AUTH_SECRET in production with an external database", () => {
    expect(
      problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db.example/talkoften" }),
    ).toEqual([
      expect.stringMatching(/^AUTH_SECRET: is required in production with an external DATABASE_URL/),
    ]);
  });

  it("does not require AUTH_SECRET for the embedded database or in development", () => {
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        DATABASE_URL: "postgresql://u:p@localhost:5432/talkoften",
        TALK_OFTEN_EMBEDDED_DB: "1",
      }),
    ).not.toThrow();
    expect(() => parseEnv({ DATABASE_URL: "postgresql://u:p@db.example/talkoften" })).not.toThrow();
  });

  it("rejects a short AUTH_SECRET", () => {
    expect(problemsOf({ AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET: must be at least 32 characters/);
  });

  it("reports every bad variable at once", () => {
    const problems = problemsOf({ PORT: "0", SMTP_URL: "nope", NODE_ENV: "staging" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["NODE_ENV", "PORT", "SMTP_URL"]);
  });
});

describe("parseEnv: safe by default", () => {
  it("refuses a HOST other machines can reach while mail goes to the outbox, naming HOST and SMTP_URL", () => {
    const [problem, ...rest] = problemsOf({ HOST: "0.0.0.0" });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^HOST: is 0\.0\.0\.0, which other machines can reach, but SMTP_URL is not set/);
    for (const host of ["127.0.0.1", "::1", "localhost", "[::1]"])
      expect(parseEnv({ HOST: host }).HOST).toBe(host);
    expect(parseEnv({ HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example" }).HOST).toBe("0.0.0.0");
  });

  it("requires an https APP_URL in production unless it is loopback", () => {
    const production = { NODE_ENV: "production" };
    expect(problemsOf({ ...production, APP_URL: "http://talkoften.example" })).toEqual([
      expect.stringMatching(
        /^APP_URL: must start with https:\/\/ in production \(got http:\/\/talkoften\.example\)/,
      ),
    ]);
    for (const url of [
      "https://talkoften.example",
      "http://localhost:3000",
      "http://127.0.0.1:4000",
      "http://[::1]:3000",
    ])
      expect(parseEnv({ ...production, APP_URL: url }).APP_URL).toBe(url);
    expect(parseEnv({ ...production }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ APP_URL: "http://talkoften.example" }).APP_URL).toBe("http://talkoften.example"); // development
  });

  it("reads TRUSTED_PROXIES as a number of hops, 0 by default", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    expect(problemsOf({ TRUSTED_PROXIES: "yes" })).toEqual([
      "TRUSTED_PROXIES: must be a whole number from 0 to 10: the proxies in front of the app",
    ]);
  });

  it("reads the worker, log and benchmark switches, and names a bad one", () => {
    expect(parseEnv({})).toMatchObject({ WORKER: "on", WORKER_CONCURRENCY: 5 });
    expect(parseEnv({ WORKER: "off", WORKER_CONCURRENCY: "8", LOG_FORMAT: "json" })).toMatchObject({
      WORKER: "off",
      WORKER_CONCURRENCY: 8,
      LOG_FORMAT: "json",
    });
    expect(problemsOf({ WORKER: "no" })).toEqual(['WORKER: must be "on" or "off"']);
    expect(problemsOf({ WORKER_CONCURRENCY: "0" })).toEqual([
      "WORKER_CONCURRENCY: must be a whole number from 1 to 100",
    ]);
    expect(problemsOf({ TALK_OFTEN_BENCH_PAGES: "yes" })).toEqual([
      'TALK_OFTEN_BENCH_PAGES: is for bench/pages.ts; leave it unset or "1"',
    ]);
  });
});
