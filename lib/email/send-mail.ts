// The one way Talk Often sends mail. With SMTP_URL set it uses a pooled SMTP transport;
// without it, each message is written to the local outbox (DATA_DIR/outbox) for a developer to read.
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { getEnv, type Env } from "@/lib/server/env";
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
  };
  if (env.SMTP_URL) {
    const info = await smtpTransport(env.SMTP_URL).sendMail(mail);
    return { messageId: info.messageId, transport: "smtp" };
  }
  const raw = await rawMessage(mail);
  const saved = await saveToOutbox(env.DATA_DIR, { ...mail, raw: raw.message, messageId: raw.messageId });
  if (env.NODE_ENV === "production") {
    // A log is read by more people, and kept longer, than the outbox: no links, no addresses.
    console.info(
      `[mail] "${message.subject}" is in the outbox: read it on this machine at ${outboxUrl(env)}`,
    );
  } else {
    const links = saved.links.length ? saved.links.map((l) => `\n    ${l}`).join("") : " (no links)";
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

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Options given beside `url` are ignored by nodemailer, so the URL is parsed here first.
    transport = nodemailer.createTransport({
      ...parseConnectionUrl(url),
      pool: true,
      maxConnections: 5,
    });
    transports.set(url, transport);
  }
  return transport;
}

async function rawMessage(mail: MailMessage & { from: string }) {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(mail);
  return { message: (info.message as Buffer).toString("utf8"), messageId: info.messageId };
}
