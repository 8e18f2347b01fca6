// Magic-link sign-in through Auth.js itself, against a real PostgreSQL and a real SMTP server.
import { Auth } from "@auth/core";
import { describe, expect, it, vi } from "vitest";

import { signInLinkIsLive, signInLinkParams } from "@/lib/auth/auth-links";
import { signInSuite } from "../../helpers/integration-env";
import { shortLinkResponse } from "@/lib/auth/short-links";

const ORIGIN = "http://talkoften.test";
const suite = signInSuite(ORIGIN);

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Asks for a sign-in link as the sign-in form does, and returns the link from the email received. */
async function requestLink(email: string): Promise<string> {
  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), suite.config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const before = suite.smtp.messages.length;
  const response = await Auth(
    new Request(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${ORIGIN}/account` }),
    }),
    suite.config,
  );
  expect(response.status).toBe(302);
  // Auth.js answers with its verify-request step, which sends the browser on to our own page.
  const verify = await Auth(new Request(response.headers.get("location")!), suite.config);
  expect(verify.headers.get("location")).toMatch(/^\/signin\/check-email(\?|$)/);
  const messages = await suite.smtp.waitFor(before + 1);
  const mail = messages[before]!;
  const link = mail.text!.match(/https?:\/\/\S+/)![0];
  return link;
}

async function follow(link: string) {
  return Auth(new Request(link), suite.config);
}

describe("magic-link sign-in", () => {
  it("emails a link with a plain-text part that says what to do if you didn't ask", async () => {
    await requestLink("first@example.org");
    const mail = suite.smtp.messages.at(-1)!;
    expect(mail.subject).toBe("Your sign-in link for Talk Often");
    expect(mail.text).toContain("If you did not ask to sign in, you can ignore this email");
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain("Sign in");
  });

  it("offers a short address to copy (/l/<id>, under 60 characters) that opens the same page", async () => {
    const link = await requestLink("short@example.org");
    const mail = suite.smtp.messages.at(-1)!;
    const short = String(mail.html).match(/Or copy this link into your browser: <a href="([^"]+)"/)![1]!;
    expect(short).toMatch(new RegExp(`^${ORIGIN}/l/[A-Za-z0-9_-]{16}$`));
    expect(short.length).toBeLessThan(60);
    expect(mail.html).not.toContain('word-break:break-all">http://talkoften.test/api/auth');
    expect(mail.text).toContain(short);
    const opened = await shortLinkResponse(suite.database.db, short.split("/l/")[1]!, {
      secret: "x".repeat(40),
      appUrl: ORIGIN,
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`${ORIGIN}/signin/confirm${new URL(link).search}`);
  });

  it("signs in once and only once with a link, and says so on the link's page before and after", async () => {
    const link = await requestLink("once@example.org");
    expect(link.startsWith(`${ORIGIN}/api/auth/callback/email?`)).toBe(true);
    const params = signInLinkParams(Object.fromEntries(new URL(link).searchParams))!;
    const check = { db: suite.database.db, secret: "x".repeat(40) };
    expect(await signInLinkIsLive(params, check)).toBe(true);
    expect(await signInLinkIsLive({ ...params, token: "0".repeat(64) }, check)).toBe(false);
    expect(await signInLinkIsLive(params, { ...check, now: new Date(Date.now() + 25 * 3600_000) })).toBe(
      false,
    );

    const first = await follow(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${ORIGIN}/account`);
    expect(first.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    const user = await suite.database.db.user.findUniqueOrThrow({
      where: { email: "once@example.org" },
      include: { sessions: true },
    });
    expect(user.sessions).toHaveLength(1);
    expect(user.emailVerified).toBeInstanceOf(Date);

    expect(await signInLinkIsLive(params, check)).toBe(false);

    // Pressed again (after Back): the error page, logged as an ordinary event, with no stack trace.
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const again = await follow(link);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(again.headers.get("location")).toContain("/signin/error?error=Verification");
    expect(await suite.database.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("knows the signed-in parent from the session cookie, and nobody from an unknown or expired one", async () => {
    const signedIn = await follow(await requestLink("session@example.org"));
    const cookie = cookiesOf(signedIn);
    const session = await Auth(
      new Request(`${ORIGIN}/api/auth/session`, { headers: { Cookie: cookie } }),
      suite.config,
    );
    const body = (await session.json()) as { user?: { email: string } } | null;
    expect(body?.user?.email).toBe("session@example.org");

    const unknown = await Auth(
      new Request(`${ORIGIN}/api/auth/session`, {
        headers: { Cookie: "authjs.session-token=not-a-session" },
      }),
      suite.config,
    );
    expect(await unknown.json()).toBeNull();

    const user = await suite.database.db.user.findUniqueOrThrow({ where: { email: "session@example.org" } });
    await suite.database.db.session.updateMany({
      where: { userId: user.id },
      data: { expires: new Date(Date.now() - 1000) },
    });
    const expired = await Auth(
      new Request(`${ORIGIN}/api/auth/session`, { headers: { Cookie: cookie } }),
      suite.config,
    );
    expect(await expired.json()).toBeNull();
    expect(await suite.database.db.session.count({ where: { userId: user.id } })).toBe(0); // Auth.js removed it
  });

  it("refuses an expired link", async () => {
    const link = await requestLink("late@example.org");
    await suite.database.db.verificationToken.updateMany({
      where: { identifier: "late@example.org" },
      data: { expires: new Date(Date.now() - 1000) },
    });
    const response = await follow(link);
    expect(response.headers.get("location")).toContain("/signin/error?error=Verification");
    expect(await suite.database.db.session.count()).toBe(1); // only the earlier test's
  });

  it("makes links that expire within 24 hours", async () => {
    await requestLink("expiry@example.org");
    const token = await suite.database.db.verificationToken.findFirstOrThrow({
      where: { identifier: "expiry@example.org" },
    });
    const hours = (token.expires.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("refuses a link whose token was changed", async () => {
    const link = await requestLink("tamper@example.org");
    const tampered = link.replace(/token=([0-9a-f])/, (_m, c: string) => `token=${c === "0" ? "1" : "0"}`);
    const response = await follow(tampered);
    expect(response.headers.get("location")).toContain("/signin/error?error=Verification");
  });
});

describe("sign-in tokens nobody used", () => {
  it("are deleted once their 24 hours are past, and the others kept", async () => {
    const { purgeExpiredSignInTokens } = await import("@/lib/server/rate-limit");
    const now = new Date();
    await suite.database.db.verificationToken.createMany({
      data: [
        { identifier: "old@example.org", token: "expired-token", expires: new Date(now.getTime() - 1000) },
        { identifier: "new@example.org", token: "live-token", expires: new Date(now.getTime() + 60_000) },
      ],
    });
    expect(await purgeExpiredSignInTokens(suite.database.db, now)).toBeGreaterThanOrEqual(1);
    const left = await suite.database.db.verificationToken.findMany({
      where: { identifier: { in: ["old@example.org", "new@example.org"] } },
    });
    expect(left.map((t) => t.identifier)).toEqual(["new@example.org"]);
  });
});
