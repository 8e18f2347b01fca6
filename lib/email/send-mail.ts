// The one way Talk Often sends mail. With SMTP_URL set it uses a pooled SMTP transport;
// without it, each message is written to the local outbox (DATA_DIR/outbox) for a developer to read.
// With DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY every message is DKIM-signed (both ways), and
// with MAIL_BOUNCE_ADDRESS the envelope sender (Return-Path) is that address, so that bounces reach
// the provider's handling (then /api/mail-events).
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { getEnv, type Env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { outboxUrl, saveToOutbox } from "@/lib/email/outbox";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A Message-ID to use instead of a generated one, e.g. the same one on every retry. */
  messageId?: string;
};

export type SentMail = { messageId: string; transport: "smtp" | "outbox" };

/** Sends one message, through SMTP or into the outbox. Rejects when the SMTP server refuses it. */
export async function sendMail(message: MailMessage, env: Env = getEnv()): Promise<SentMail> {
  // Quoted-printable always (our mail is English): spares nodemailer scanning every part to choose.
  const mail = {
    from: env.MAIL_FROM,
    ...(env.MAIL_REPLY_TO ? { replyTo: env.MAIL_REPLY_TO } : {}),
    textEncoding: "quoted-printable" as const,
    ...message,
    ...(env.MAIL_BOUNCE_ADDRESS ? { envelope: { from: env.MAIL_BOUNCE_ADDRESS, to: message.to } } : {}),
  };
  if (env.SMTP_URL) {
    const info = await smtpTransport(env.SMTP_URL, dkimOptions(env)).sendMail(mail);
    return { messageId: info.messageId, transport: "smtp" };
  }
  const raw = await rawMessage(mail, dkimOptions(env));
  const saved = await saveToOutbox(env.DATA_DIR, { ...mail, raw: raw.message, messageId: raw.messageId });
  if (env.NODE_ENV === "production") {
    // A log is read by more people, and kept longer, than the outbox: no links, no addresses.
    log.info(`[mail] "${message.subject}" is in the outbox: read it on this machine at ${outboxUrl(env)}`);
  } else {
    const links = saved.links.length ? saved.links.map((l) => `\n    ${l}`).join("") : " (no links)";
    // The outbox's own line, for the developer at the terminal: it keeps the address and links that
    // the log would scrub (no real mail is sent).
    // eslint-disable-next-line no-console
    console.info(`[mail] to outbox: "${message.subject}" for ${message.to}; links:${links}`);
  }
  return { messageId: raw.messageId, transport: "outbox" };
}

/** Closes pooled SMTP connections, so that a script or test can exit. */
export function closeMail(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

const transports = new Map<string, Transporter>();

type DkimOptions = { domainName: string; keySelector: string; privateKey: string } | undefined;

function dkimOptions(env: Env): DkimOptions {
  if (!env.DKIM_DOMAIN || !env.DKIM_SELECTOR || !env.DKIM_PRIVATE_KEY) return undefined;
  return { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY };
}

function smtpTransport(url: string, dkim: DkimOptions): Transporter {
  const key = `${url}\0${dkim ? `${dkim.domainName}\0${dkim.keySelector}\0${dkim.privateKey}` : ""}`;
  let transport = transports.get(key);
  if (!transport) {
    // Options given beside `url` are ignored by nodemailer, so the URL is parsed here first.
    transport = nodemailer.createTransport({
      ...parseConnectionUrl(url),
      pool: true,
      maxConnections: 5,
      ...(dkim ? { dkim } : {}),
    });
    transports.set(key, transport);
  }
  return transport;
}

async function rawMessage(mail: MailMessage & { from: string }, dkim: DkimOptions) {
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
    ...(dkim ? { dkim } : {}),
  });
  const info = await stream.sendMail(mail);
  return { message: (info.message as Buffer).toString("utf8"), messageId: info.messageId };
}
