// @ts-check
// The HTTP server each web process of `npm start` runs, with Next.js behind it. It exists because it
// sees the socket, which Next.js's pages and route handlers do not:
//   - it tells the app who is asking, in headers it sets itself after removing any a client sent:
//     the peer (the socket's address), the client (the peer, or the right-most address in
//     X-Forwarded-For that is not one of the TRUSTED_PROXIES hops) and whether the request is local
//     (a loopback peer, a loopback Host and no forwarding proxy: the only one that may read the outbox);
//   - it answers what no route should ever see with a 4xx before Next.js parses it: a path that is
//     not valid percent-encoding (400), a body over MAX_BODY_BYTES (413) or of unstated length (411),
//     a POST whose Origin is another site's (403: a cross-site form, or a server action from
//     elsewhere), and a multipart form that does not parse, e.g. truncated (400);
//   - it listens on the addresses start.ts chose (loopback only while mail goes to the outbox), and on
//     SIGTERM or SIGINT stops listening and finishes the requests it has before exiting.
// Plain JavaScript, so that every web process starts on Node.js alone.
import http from "node:http";
import {
  CLIENT_HEADER,
  clientNetwork,
  isLoopbackAddress,
  isTrustedProxy,
  isLoopbackHost,
  LOCAL_HEADER,
  PEER_HEADER,
  SERVER_MARK,
} from "../lib/server/peer.mjs";
import { parseArgs } from "node:util";

/** The largest request body any route accepts: forms are a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

/**
 * The client's address: the socket's, or with `trustedHops` proxies in front, the right-most
 * X-Forwarded-For entry that none of them added. Entries a client wrote itself sit to the left of
 * what the proxies append, so spoofing the header changes nothing. With fewer entries than hops,
 * the left-most one.
 * @param {string} peer
 * @param {string | undefined} forwardedFor
 * @param {number} trustedHops
 * @returns {string}
 */
export function clientAddressOf(peer, forwardedFor, trustedHops) {
  if (!trustedHops) return peer;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return peer;
  return entries[Math.max(0, entries.length - trustedHops)] ?? peer;
}

/**
 * False when the path holds a percent sign that is not valid UTF-8 percent-encoding.
 * @param {string | undefined} url
 */
export function isDecodablePath(url) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * How many proxies to believe for this request: TRUSTED_PROXIES when the socket's peer is one of the
 * trusted proxy addresses (TRUSTED_PROXY_ADDRESSES, or loopback), none otherwise, so that a client who
 * reaches the app's port directly cannot choose its own address with X-Forwarded-For.
 * @param {http.IncomingMessage} req
 * @param {{ trustedHops: number, trustedProxies?: string[] }} options
 */
export function hopsFor(req, options) {
  if (!options.trustedHops) return 0;
  return isTrustedProxy(req.socket.remoteAddress ?? "", options.trustedProxies ?? [])
    ? options.trustedHops
    : 0;
}

/**
 * What the request must be refused with before Next.js sees it, or null to pass it on.
 * @param {http.IncomingMessage} req
 * @param {{ trustedHops: number, trustedProxies?: string[] }} options
 * @returns {{ status: number, message: string } | null}
 */
export function refusal(req, options) {
  if (!isDecodablePath(req.url)) return { status: 400, message: "The address has a broken %-sequence." };
  const length = req.headers["content-length"];
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return { status: 400, message: "Content-Length is not a number." };
    if (Number(length) > MAX_BODY_BYTES)
      return { status: 413, message: `Bodies over ${MAX_BODY_BYTES} bytes are refused.` };
  } else if (req.headers["transfer-encoding"] !== undefined) {
    return { status: 411, message: "Send Content-Length with a body." };
  }
  const trustedHops = hopsFor(req, options);
  if (req.method === "POST" && req.headers.origin !== undefined) {
    const host =
      (trustedHops
        ? String(req.headers["x-forwarded-host"] ?? "")
            .split(",")[0]
            ?.trim()
        : "") || req.headers.host;
    let originHost = null;
    try {
      originHost = new URL(req.headers.origin).host;
    } catch {
      // "null" (a sandboxed or privacy-sensitive context) or garbage: not this site
    }
    // RFC 8058 one-click unsubscribe is posted by mail providers, from wherever they are.
    if (originHost !== host && !req.url?.startsWith("/api/unsubscribe/")) {
      return { status: 403, message: "This form was sent from another site." };
    }
  }
  return null;
}

/**
 * Sets the peer, client and local headers on `req`, replacing any the client sent. The client is
 * counted by its network (clientNetwork: an IPv6 client's /64). From a peer that is not a trusted
 * proxy, X-Forwarded-Host goes: Next.js would compare a server action's Origin with it and abort
 * with a 500 where refusal() already compared it with Host.
 * @param {http.IncomingMessage} req
 * @param {{ trustedHops: number, trustedProxies?: string[] }} options
 */
export function markRequest(req, options) {
  const peer = req.socket.remoteAddress ?? "";
  const forwardedFor = req.headers["x-forwarded-for"];
  const trustedHops = hopsFor(req, options);
  const client = clientAddressOf(
    peer,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    trustedHops,
  );
  const forwarded = FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined);
  const local = isLoopbackAddress(peer) && isLoopbackHost(req.headers.host) && !forwarded;
  if (!trustedHops) delete req.headers["x-forwarded-host"];
  else if (req.headers["x-forwarded-host"] !== undefined)
    req.headers["x-forwarded-host"] = String(req.headers["x-forwarded-host"]).split(",")[0]?.trim() ?? "";
  req.headers[PEER_HEADER] = peer;
  req.headers[CLIENT_HEADER] = clientNetwork(client);
  req.headers[LOCAL_HEADER] = local ? "1" : "0";
}

/** The request headers that make Next.js answer with something other than the page's HTML. */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
];

/**
 * Keeps shared caches (nginx, a CDN) from storing what must not be shared: a redirect, or an answer to
 * Next.js's router (RSC: 1), which may be a redirect too (to ?_rsc). Those answers are made private and
 * every answer says which request headers it varies on, so that a cache keeps an RSC answer apart
 * from a page's HTML. Applied when the status line is written (explicitly or by the first write).
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
export function keepPrivateAnswersPrivate(req, res) {
  const forRouter = ROUTER_HEADERS.some((name) => req.headers[name] !== undefined);
  const writeHead = res.writeHead;
  /** @type {typeof res.writeHead} */
  const guarded = function (/** @type {any[]} */ ...args) {
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (!res.headersSent) {
      if (forRouter || (status >= 300 && status < 400)) {
        res.setHeader("Cache-Control", "private, no-store");
        res.removeHeader("X-Accel-Expires");
        // Headers given to writeHead itself win over setHeader's: drop theirs.
        const given = args.find(
          (arg, index) => index > 0 && arg && typeof arg === "object" && !Array.isArray(arg),
        );
        if (given)
          for (const name of Object.keys(given))
            if (/^(cache-control|x-accel-expires)$/i.test(name)) delete given[name];
      }
      const vary = String(res.getHeader("Vary") ?? "");
      const missing = ROUTER_HEADERS.filter((name) => !new RegExp(`\\b${name}\\b`, "i").test(vary));
      if (missing.length) res.setHeader("Vary", [vary, ...missing].filter(Boolean).join(", "));
    }
    // @ts-expect-error: the same arguments, passed on
    return writeHead.apply(this, args);
  };
  res.writeHead = guarded;
}

/**
 * For a multipart form: the request again, its body read and checked, or null when the body does not
 * parse as a form. (Next.js answers a broken one with a 500.) Bodies are at most MAX_BODY_BYTES.
 * Other requests are returned as they are, unread.
 * @param {http.IncomingMessage} req
 * @returns {Promise<http.IncomingMessage | null>}
 */
export async function checkedForm(req) {
  const type = req.headers["content-type"] ?? "";
  if (req.method !== "POST" || !/^multipart\/form-data\b/i.test(type)) return req;
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  try {
    await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    return null;
  }
  // The same request, with its body to read again.
  const replay = new http.IncomingMessage(req.socket);
  Object.assign(replay, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    // The whole body is here: without this, ending the stream would close the client's socket.
    complete: true,
  });
  replay.push(body);
  replay.push(null);
  return replay;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string", multiple: true },
      dev: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port ?? 3000);
  const hosts = values.host?.length ? values.host : [undefined];
  const trustedHops = Number(process.env.TRUSTED_PROXIES ?? 0) || 0;
  // Validated by lib/server/env.ts at start-up; unset: loopback (a proxy on this machine).
  const trustedProxies = (process.env.TRUSTED_PROXY_ADDRESSES ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  Reflect.set(globalThis, SERVER_MARK, true);

  const { default: next } = await import("next");
  const app = next({ dev: values.dev, dir: process.cwd(), hostname: hosts[0] ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  /** @type {(res: http.ServerResponse, status: number, message: string) => void} */
  const refuse = (res, status, message) => {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    res.end(`${message}\n`);
  };
  /** @type {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} */
  const onRequest = async (req, res) => {
    const refused = refusal(req, { trustedHops, trustedProxies });
    if (refused) return refuse(res, refused.status, refused.message);
    markRequest(req, { trustedHops, trustedProxies });
    keepPrivateAnswersPrivate(req, res);
    const checked = await checkedForm(req).catch(() => null);
    if (!checked) return refuse(res, 400, "The form data is incomplete or malformed.");
    await handle(checked, res);
  };
  /** @type {http.Server[]} */
  const servers = [];
  // SIGTERM or Ctrl-C: stop accepting connections, let the requests being answered finish (at most
  // 10 seconds), then exit 0. start.ts stops the worker and PostgreSQL after this.
  const stop = () => {
    const closing = servers.map((server) => new Promise((resolve) => server.close(() => resolve(null))));
    for (const server of servers) server.closeIdleConnections();
    setTimeout(() => {
      for (const server of servers) server.closeAllConnections();
    }, 10_000).unref();
    void Promise.all(closing).then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // One server per address (127.0.0.1 and ::1 while on loopback only).
  for (const host of hosts) {
    const server = http.createServer(onRequest);
    servers.push(server);
    if (values.dev)
      server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
    await new Promise((resolve, reject) => {
      const onError = (/** @type {NodeJS.ErrnoException} */ error) => {
        // A machine without IPv6 has no ::1 to listen on; 127.0.0.1 still serves.
        if (host === "::1" && (error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT"))
          resolve(null);
        else reject(error);
      };
      server.once("error", onError);
      server.listen({ port, host }, () => {
        server.off("error", onError);
        resolve(null);
      });
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
