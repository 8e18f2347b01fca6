// The sign-in limits (3 emails per address, 10 per client in 15 minutes) hold for Auth.js's own
// endpoint too, not only for our form: they are counted where the email is sent.
import { Auth } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authConfig, withSignInClient } from "@/lib/server/auth";
import { parseEnv } from "@/lib/server/env";
import { closeMail } from "@/lib/email/send-mail";
import { createTestDatabase, type TestDatabase } from "../../helpers/database";
import { startSmtpServer, type RecordingSmtpServer } from "../../helpers/smtp";

const ORIGIN = "http://talkoften.test";
let database: TestDatabase;
let smtp: RecordingSmtpServer;
let config: ReturnType<typeof authConfig>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  config = authConfig(
    parseEnv({ SMTP_URL: smtp.url, AUTH_SECRET: "x".repeat(40), APP_URL: ORIGIN }),
    database.db,
  );
});
afterAll(async () => {
  closeMail();
  await smtp?.close();
  await database?.drop();
});

/**
 * POST /api/auth/signin/email with its CSRF token, as any client can, through what the route handler
 * adds (who the client is); returns where it sends the browser.
 */
async function askForLink(email: string, client: string): Promise<string> {
  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await withSignInClient(client, () =>
    Auth(
      new Request(`${ORIGIN}/api/auth/signin/email`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ email, csrfToken, callbackUrl: `${ORIGIN}/account` }),
      }),
      config,
    ),
  );
  return response.headers.get("location") ?? "";
}

describe("sign-in limits on Auth.js's endpoint", () => {
  it("sends three emails for six requests for one address, makes no token for the rest, and says why", async () => {
    const before = smtp.messages.length;
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i += 1) outcomes.push(await askForLink("target@example.org", `203.0.113.${i}`));
    expect(outcomes.slice(0, 3).every((url) => url.includes("/verify-request"))).toBe(true);
    expect(outcomes.slice(3)).toEqual(Array(3).fill(`${ORIGIN}/signin/error?error=AccessDenied`));
    expect(await database.db.verificationToken.count({ where: { identifier: "target@example.org" } })).toBe(
      3,
    );
    // Each request returned once its email was accepted by the SMTP server: any fourth is there now.
    await smtp.waitFor(before + 3);
    await new Promise((resolve) => setTimeout(resolve, 200)); // and parsed
    expect(smtp.messages.length - before).toBe(3);
    expect(smtp.messages.slice(before).every((m) => [m.to].flat()[0]?.text === "target@example.org")).toBe(
      true,
    );
  });

  it("sends ten emails per client address, and another client is not locked out", async () => {
    const before = smtp.messages.length;
    for (let i = 0; i < 12; i += 1) await askForLink(`parent${i}@example.org`, "198.51.100.7");
    await askForLink("someone@example.org", "198.51.100.8");
    await smtp.waitFor(before + 11);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const to = smtp.messages.slice(before).map((m) => [m.to].flat()[0]?.text);
    expect(to).toHaveLength(11);
    expect(to).toContain("someone@example.org"); // another client is not locked out
    expect(to).not.toContain("parent10@example.org");
    expect(to).not.toContain("parent11@example.org");
  });
});
