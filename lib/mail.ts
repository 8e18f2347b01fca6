// The one way Talk Often sends mail. With SMTP_URL set it uses a pooled SMTP transport;
// without it, each message is written to the local outbox (DATA_DIR/outbox) for a developer to read.
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { getEnv, type Env } from "@/lib/env";
import { saveToOutbox } from "@/lib/outbox";

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
  const links = saved.links.length ? saved.links.map((l) => `\n    ${l}`).join("") : " (no links)";
  console.info(`[mail] to outbox: "${message.subject}" for ${message.to}; links:${links}`);
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
      getSocket: connectWithoutNagle,
    });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Opens the TCP connection for nodemailer's pool with Nagle's algorithm off. nodemailer 7 and 8 leave
 * it on, so each message's last small write waits for the server's delayed ACK (40 ms on Linux):
 * about 22 messages a second per connection. With it off, the same pool sends ~10 times as many.
 * The socket is handed over while still connecting, so that nodemailer sees a refused connection as
 * its own socket error (and drops the pool slot), applies its greeting time-out, and does TLS
 * (implicit or STARTTLS) over it.
 */
function connectWithoutNagle(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({
    host: options.host ?? "localhost",
    port: options.port ?? (options.secure ? 465 : 587),
    noDelay: true,
    keepAlive: true,
  });
  callback(null, { connection: socket });
}

async function rawMessage(mail: MailMessage & { from: string }) {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(mail);
  return { message: (info.message as Buffer).toString("utf8"), messageId: info.messageId };
}
