// The sign-in limits (lib/auth/sign-in-limits.ts) hold for Auth.js's own endpoint too, not only for
// our forms: they are counted where the email is sent. A parents' evening (sixty families behind one
// school Wi-Fi address) all get their links; one inbox, one client or one range does not get more.
import { Auth } from "@auth/core";
import { describe, expect, it } from "vitest";
import {
  allowSignInEmail,
  clientRange,
  SIGN_IN_PER_ADDRESS_DAY,
  SIGN_IN_PER_IP,
  SIGN_IN_PER_RANGE,
  SIGN_IN_PER_SCHOOL,
  type SignInAsker,
} from "@/lib/auth/sign-in-limits";
import { withSignInAsker } from "@/lib/auth/auth";
import { signInSuite } from "../../helpers/integration-env";

const ORIGIN = "http://talkoften.test";
const suite = signInSuite(ORIGIN);

/**
 * POST /api/auth/signin/email with its CSRF token, as any client can, through what the route handler
 * adds (who the client is); returns where it sends the browser.
 */
async function askForLink(
  email: string,
  asker: string | SignInAsker,
  callbackUrl = `${ORIGIN}/account`,
): Promise<string> {
  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), suite.config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await withSignInAsker(typeof asker === "string" ? { client: asker } : asker, () =>
    Auth(
      new Request(`${ORIGIN}/api/auth/signin/email`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ email, csrfToken, callbackUrl }),
      }),
      suite.config,
    ),
  );
  return response.headers.get("location") ?? "";
}

describe("sign-in limits on Auth.js's endpoint", () => {
  it("sends three emails for six requests for one address, makes no token for the rest, and says why", async () => {
    const before = suite.smtp.messages.length;
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i += 1) outcomes.push(await askForLink("target@example.org", `203.0.113.${i}`));
    expect(outcomes.slice(0, 3).every((url) => url.includes("/verify-request"))).toBe(true);
    expect(outcomes.slice(3)).toEqual(Array(3).fill(`${ORIGIN}/signin/error?error=AccessDenied`));
    expect(
      await suite.database.db.verificationToken.count({ where: { identifier: "target@example.org" } }),
    ).toBe(3);
    // Each request returned once its email was accepted by the SMTP server: any fourth is there now.
    await suite.smtp.waitFor(before + 3);
    await new Promise((resolve) => setTimeout(resolve, 200)); // and parsed
    expect(suite.smtp.messages.length - before).toBe(3);
    expect(
      suite.smtp.messages.slice(before).every((m) => [m.to].flat()[0]?.text === "target@example.org"),
    ).toBe(true);
  });

  it("sends 30 emails per client address without a school's link, and another client is not locked out", async () => {
    const before = suite.smtp.messages.length;
    for (let i = 0; i < SIGN_IN_PER_IP.max + 2; i += 1)
      await askForLink(`parent${i}@example.org`, "198.51.100.7");
    await askForLink("someone@example.org", "198.51.100.8");
    await suite.smtp.waitFor(before + SIGN_IN_PER_IP.max + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const to = suite.smtp.messages.slice(before).map((m) => [m.to].flat()[0]?.text);
    expect(to).toHaveLength(SIGN_IN_PER_IP.max + 1);
    expect(to).toContain("someone@example.org"); // another client is not locked out
    expect(to).not.toContain(`parent${SIGN_IN_PER_IP.max}@example.org`);
    expect(to).not.toContain(`parent${SIGN_IN_PER_IP.max + 1}@example.org`);
  });
});

describe("a parents' evening on one Wi-Fi address", () => {
  it("gets all sixty families their links within a minute through the school's link, and each link signs its family in", async () => {
    const hall = { client: "192.0.2.60", school: "HALL60" };
    const families = Array.from({ length: 60 }, (_, i) => `family${i}@school-evening.example`);
    const before = suite.smtp.messages.length;
    const started = Date.now();
    // Everyone at once, as a hall full of phones after the head teacher shows the QR code.
    const outcomes = await Promise.all(families.map((email) => askForLink(email, hall)));
    const messages = await suite.smtp.waitFor(before + 60);
    const seconds = (Date.now() - started) / 1000;
    expect(outcomes.every((url) => url.includes("/verify-request"))).toBe(true);
    expect(seconds).toBeLessThan(60);
    const links = new Map(
      messages.slice(before).map((m) => [[m.to].flat()[0]?.text ?? "", m.text!.match(/https?:\/\/\S+/)![0]]),
    );
    expect([...links.keys()].sort()).toEqual([...families].sort());
    for (const link of links.values()) {
      const signedIn = await Auth(new Request(link), suite.config);
      expect(signedIn.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    }
    const users = await suite.database.db.user.count({
      where: { email: { endsWith: "@school-evening.example" } },
    });
    expect(users).toBe(60);
  });

  it("without a school's link the same address is refused after 30, with the network's message", async () => {
    const client = "192.0.2.61";
    const refusals = [];
    for (let i = 0; i <= SIGN_IN_PER_IP.max; i += 1)
      refusals.push(await allowSignInEmail(suite.database.db, `cafe${i}@example.org`, { client }));
    expect(refusals.filter((r) => r === null)).toHaveLength(SIGN_IN_PER_IP.max);
    expect(refusals.at(-1)).toBe("network");
  });

  it("gives one school's code 200 an hour in all, however many addresses it comes from", async () => {
    const now = new Date("2026-12-07T18:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: SIGN_IN_PER_SCHOOL.max + 5 }, (_, i) =>
        allowSignInEmail(
          suite.database.db,
          `busy${i}@example.org`,
          { client: `10.${i % 200}.1.1`, school: "BUSY22" },
          now,
        ),
      ),
    );
    expect(outcomes.filter((r) => r === null)).toHaveLength(SIGN_IN_PER_SCHOOL.max);
    expect(outcomes.filter((r) => r === "network")).toHaveLength(5);
  });
});

describe("an attacker", () => {
  it("hammering one inbox from ever new addresses gets 3 emails to it in 15 minutes and 10 in a day", async () => {
    const before = suite.smtp.messages.length;
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await askForLink("victim@example.org", `203.0.${i}.9`));
    expect(outcomes.filter((url) => url.includes("/verify-request"))).toHaveLength(3);
    await suite.smtp.waitFor(before + 3);
    // Over a day, window after window, the inbox gets 10 at the most.
    const day = new Date("2026-12-08T00:00:00Z");
    let allowed = 0;
    for (let window = 0; window < 96; window += 1) {
      const at = new Date(day.getTime() + window * 15 * 60_000);
      for (let i = 0; i < 3; i += 1)
        if (
          (await allowSignInEmail(
            suite.database.db,
            "daily@example.org",
            { client: `203.1.${window}.${i}` },
            at,
          )) === null
        )
          allowed += 1;
    }
    expect(allowed).toBe(SIGN_IN_PER_ADDRESS_DAY.max);
  });

  it("cycling through the addresses of one range is stopped by the range's limit, and the range next door is not", async () => {
    const now = new Date("2026-12-07T03:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: SIGN_IN_PER_RANGE.max + 10 }, (_, i) =>
        allowSignInEmail(suite.database.db, `spam${i}@example.org`, { client: `198.18.7.${i % 250}` }, now),
      ),
    );
    expect(outcomes.filter((r) => r === null)).toHaveLength(SIGN_IN_PER_RANGE.max);
    expect(
      await allowSignInEmail(suite.database.db, "next-door@example.org", { client: "198.18.8.1" }, now),
    ).toBeNull();
    // IPv6: one /48 is one range, whatever /64 inside it the attacker takes.
    const v6 = await Promise.all(
      Array.from({ length: SIGN_IN_PER_RANGE.max + 1 }, (_, i) =>
        allowSignInEmail(
          suite.database.db,
          `v6-${i}@example.org`,
          { client: `2001:db8:7:${i.toString(16)}::/64` },
          now,
        ),
      ),
    );
    expect(v6.filter((r) => r === null)).toHaveLength(SIGN_IN_PER_RANGE.max);
  });
});

describe("clientRange", () => {
  it("is an IPv4 /24 or an IPv6 /48", () => {
    expect(clientRange("198.51.100.7")).toBe("198.51.100.0/24");
    expect(clientRange("2001:db8:7:a::/64")).toBe("2001:db8:7::/48");
    expect(clientRange("unknown")).toBe("unknown");
  });
});
