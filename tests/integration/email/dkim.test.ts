// Mail that arrives: DKIM signatures a real verifier (mailauth) accepts and the envelope sender for
// bounces, against a real SMTP server; and the operator's endpoints while their tokens are unset.
import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { closeMail, sendMail } from "@/lib/email/send-mail";
import { handleMailEvents } from "@/lib/email/mail-events";
import { metricsResponse } from "@/lib/server/metrics";
import { freePort } from "../../../scripts/embedded-postgres";

/** An SMTP server that keeps each message's raw bytes and envelope, as a receiving MTA sees them. */
async function rawSmtpServer() {
  const received: { raw: Buffer; mailFrom: string; to: string[] }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          raw: Buffer.concat(chunks),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("the operator's endpoints", () => {
  it("are a 404 while their tokens are unset", async () => {
    expect(process.env.METRICS_TOKEN).toBeUndefined();
    expect(process.env.MAIL_EVENTS_TOKEN).toBeUndefined();
    expect((await metricsResponse(new Request("http://localhost/api/metrics"))).status).toBe(404);
    const post = new Request("http://localhost/api/mail-events", { method: "POST", body: "{}" });
    expect((await handleMailEvents(post)).status).toBe(404);
  });
});

describe("DKIM and the envelope sender", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicBase64 = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  // The DNS answer a receiving server would get for talkoften1._domainkey.talkoften.test.
  const resolver = async (name: string, type: string) => {
    if (type === "TXT" && name === "talkoften1._domainkey.talkoften.test")
      return [[`v=DKIM1; k=rsa; p=${publicBase64}`]];
    throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
  };
  let smtp: Awaited<ReturnType<typeof rawSmtpServer>>;
  beforeAll(async () => (smtp = await rawSmtpServer()));
  afterAll(async () => {
    closeMail();
    await smtp.close();
  });

  it("signs every email so that a DKIM verifier passes it, and sends bounces to MAIL_BOUNCE_ADDRESS", async () => {
    const env = parseEnv({
      SMTP_URL: smtp.url,
      MAIL_FROM: "Talk Often <hello@talkoften.test>",
      MAIL_BOUNCE_ADDRESS: "bounces@mail.talkoften.test",
      DKIM_DOMAIN: "talkoften.test",
      DKIM_SELECTOR: "talkoften1",
      // As an env file holds it: one line, "\n" for the line breaks.
      DKIM_PRIVATE_KEY: pem.replace(/\n/g, "\\n"),
    });
    await sendMail(
      { to: "parent@example.org", subject: "This month's talk", text: "Hello.\n", html: "<p>Hello.</p>" },
      env,
    );
    const [mail] = smtp.received;
    expect(mail!.mailFrom).toBe("bounces@mail.talkoften.test");
    expect(mail!.to).toEqual(["parent@example.org"]);

    const verified = await dkimVerify(mail!.raw, { resolver });
    expect(verified.results.map((r) => [r.signingDomain, r.status.result])).toEqual([
      ["talkoften.test", "pass"],
    ]);

    // The verifier can refuse: one changed byte in the body, or in the signed subject, and it does not pass.
    for (const [from, to] of [
      ["Hello.", "Hellp."],
      ["This month's talk", "This month's tall"],
    ]) {
      const tampered = Buffer.from(mail!.raw.toString("utf8").replace(from!, to!));
      const broken = await dkimVerify(tampered, { resolver });
      expect(broken.results[0]!.status.result).not.toBe("pass");
    }
  });

  it("refuses half a DKIM set-up, naming what is missing, and a key that is not a key", () => {
    expect(() => parseEnv({ DKIM_DOMAIN: "talkoften.test" })).toThrow(/DKIM_SELECTOR: must be set too/);
    expect(() =>
      parseEnv({ DKIM_DOMAIN: "talkoften.test", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY: "not a key" }),
    ).toThrow(/DKIM_PRIVATE_KEY: must be a PEM private key/);
  });
});
