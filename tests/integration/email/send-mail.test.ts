import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { closeMail, sendMail } from "@/lib/email/send-mail";
import { listOutbox, readOutboxMessage } from "@/lib/email/outbox";
import { startSmtpServer, type RecordingSmtpServer } from "../../helpers/smtp";

const message = {
  to: "parent@example.org",
  subject: "Your sign-in link",
  text: "Use this link to sign in: http://localhost:3000/api/auth/callback/email?token=t0k3n\n\nIf you did not ask for it, ignore this email.",
  html: '<p>Use <a href="http://localhost:3000/api/auth/callback/email?token=t0k3n">this link</a> to sign in.</p>',
};

afterEach(() => vi.restoreAllMocks());

describe("mail without SMTP_URL", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-outbox-"));
  chmodSync(dataDir, 0o755);
  const env = parseEnv({ DATA_DIR: dataDir });

  it("goes to the outbox, where it can be read back, and prints its links", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const sent = await sendMail(message, env);
    expect(sent.transport).toBe("outbox");

    const [stored, ...others] = await listOutbox(dataDir);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: sent.messageId,
      links: ["http://localhost:3000/api/auth/callback/email?token=t0k3n"],
    });
    expect(await readOutboxMessage(dataDir, stored!.id)).toEqual(stored);
    expect(log.mock.calls.flat().join(" ")).toContain(
      "http://localhost:3000/api/auth/callback/email?token=t0k3n",
    );

    const eml = readdirSync(path.join(dataDir, "outbox")).find((name) => name.endsWith(".eml"))!;
    const raw = readFileSync(path.join(dataDir, "outbox", eml), "utf8");
    expect(raw).toContain("Subject: Your sign-in link");
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(statSync(path.join(dataDir, "outbox", eml)).mode & 0o777).toBe(0o600);
  });

  it("in production, logs where to read the outbox, never a link or an address", async () => {
    const log = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const ownDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-outbox-"));
    await sendMail(message, parseEnv({ DATA_DIR: ownDir, NODE_ENV: "production" }));
    const logged = log.mock.calls.flat().join(" ");
    log.mockRestore();
    expect(logged).toContain("read it on this machine at http://localhost:3000/dev/outbox");
    expect(logged).not.toContain("token=t0k3n");
    expect(logged).not.toContain(message.to);
  });

  it("lists messages newest first and refuses ids that are not outbox ids", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    await sendMail({ ...message, subject: "Second" }, env);
    const subjects = (await listOutbox(dataDir)).map((m) => m.subject);
    expect(subjects).toEqual(["Second", "Your sign-in link"]);
    expect(await readOutboxMessage(dataDir, "../../etc/passwd")).toBeNull();
  });
});

describe("mail with SMTP_URL", () => {
  let smtp: RecordingSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    closeMail();
    await smtp?.close();
  });

  it("is delivered to the SMTP server with a plain-text and an HTML part", async () => {
    const env = parseEnv({
      SMTP_URL: smtp.url,
      MAIL_FROM: "Talk Often <hello@talkoften.example>",
      MAIL_REPLY_TO: "Talk Often help <help@talkoften.example>",
    });
    const sent = await sendMail(message, env);
    expect(sent.transport).toBe("smtp");
    const [received] = await smtp.waitFor(1);
    expect(received!.subject).toBe(message.subject);
    expect(received!.from?.text).toBe('"Talk Often" <hello@talkoften.example>');
    expect(received!.replyTo?.text).toBe('"Talk Often help" <help@talkoften.example>');
    expect(received!.to && "text" in received!.to ? received!.to.text : "").toBe(message.to);
    expect(received!.text?.trim()).toBe(message.text);
    expect(received!.html).toContain("this link");
    expect(received!.messageId).toBe(sent.messageId);
  });

  it("keeps working after more refused connections than the pool has slots", async () => {
    const env = parseEnv({ SMTP_URL: smtp.url });
    closeMail();
    await smtp.stopListening();
    try {
      const refused = await Promise.allSettled(Array.from({ length: 12 }, () => sendMail(message, env)));
      expect(refused.map((r) => r.status === "rejected" && /ECONNREFUSED/.test(String(r.reason)))).toEqual(
        Array(12).fill(true),
      );
    } finally {
      await smtp.listen();
    }
    const before = smtp.messages.length;
    await Promise.all(Array.from({ length: 6 }, () => sendMail(message, env)));
    expect(smtp.messages.length - before).toBe(6);
  });

  it("rejects when the server refuses the message, naming the reply code", async () => {
    const env = parseEnv({ SMTP_URL: smtp.url });
    smtp.refuseWith(550);
    try {
      await expect(sendMail(message, env)).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      smtp.refuseWith(null);
    }
  });
});

describe.each(["implicit", "starttls"] as const)("mail over TLS (%s)", (tls) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer({ tls });
  });
  afterAll(async () => {
    closeMail();
    await smtp?.close();
  });

  it("is encrypted on the way, over the pool's own sockets", async () => {
    const env = parseEnv({ SMTP_URL: smtp.url });
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => sendMail({ ...message, subject: `TLS ${i}` }, env)),
    );
    const received = await smtp.waitFor(12);
    expect(received.map((m) => m.messageId).sort()).toEqual(sent.map((s) => s.messageId).sort());
    expect(smtp.secured()).toBe(12);
  });
});
