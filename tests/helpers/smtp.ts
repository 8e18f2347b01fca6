// A real SMTP server (smtp-server) on a free loopback port that records what it receives.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/embedded-postgres";

export type RecordingSmtpServer = {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number): Promise<ParsedMail[]>;
  /** Makes the server answer every message with this SMTP reply code (e.g. 451 or 550). */
  refuseWith(code: number | null): void;
  /** Makes the server take this long to accept each message (a slow provider), 0 for none. */
  slowDown(ms: number): void;
  /** Stops listening (connections are refused) until `listen()`, on the same port. */
  stopListening(): Promise<void>;
  listen(): Promise<void>;
  close(): Promise<void>;
};

/** `tls`: "implicit" (smtps://, TLS from the first byte) or "starttls" (required before mail), self-signed. */
export async function startSmtpServer(
  options_: { tls?: "implicit" | "starttls" } = {},
): Promise<RecordingSmtpServer & { secured: () => number }> {
  let secured = 0;
  const messages: ParsedMail[] = [];
  const waiters: { count: number; resolve: (m: ParsedMail[]) => void }[] = [];
  let refusal: number | null = null;
  let slowness = 0;
  const options: ConstructorParameters<typeof SMTPServer>[0] = {
    authOptional: true,
    disabledCommands: options_.tls === "starttls" ? [] : ["STARTTLS"],
    secure: options_.tls === "implicit",
    logger: false,
    onData(stream, session, callback) {
      if (session.secure) secured += 1;
      simpleParser(stream)
        .then(async (parsed) => {
          if (slowness) await new Promise((resolve) => setTimeout(resolve, slowness));
          if (refusal !== null) {
            const error = new Error(`Refused by test server (${refusal})`) as Error & {
              responseCode: number;
            };
            error.responseCode = refusal;
            return callback(error);
          }
          messages.push(parsed);
          for (const waiter of [...waiters]) {
            if (messages.length >= waiter.count) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(messages.slice());
            }
          }
          callback();
        })
        .catch(callback);
    },
  };
  const server = new SMTPServer({ ...options });
  // A client that disappears mid-message (a worker killed in a test) is not the server's failure.
  server.on("error", () => {});
  const port = await freePort();
  let current = server;
  const open = (instance: SMTPServer) =>
    new Promise<void>((resolve) => instance.listen(port, "127.0.0.1", resolve));
  await open(server);
  const scheme = options_.tls === "implicit" ? "smtps" : "smtp";
  // The test server's certificate is self-signed; this is the only place verification is turned off.
  const query = options_.tls ? "?tls.rejectUnauthorized=false" : "";
  return {
    url: `${scheme}://127.0.0.1:${port}${query}`,
    secured: () => secured,
    messages,
    waitFor(count) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    refuseWith(code) {
      refusal = code;
    },
    slowDown(ms) {
      slowness = ms;
    },
    stopListening: () => new Promise<void>((resolve) => current.close(() => resolve())),
    async listen() {
      current = new SMTPServer({ ...options });
      current.on("error", () => {});
      await open(current);
    },
    close: () => new Promise<void>((resolve) => current.close(() => resolve())),
  };
}
