// @ts-check
// Who is at the other end of a request: the headers scripts/server.mjs sets from the socket, and
// whether an address or a Host header names this machine's loopback. Plain JavaScript, so that the
// server (Node.js alone) and the app's TypeScript share one answer.
import net from "node:net";

export const PEER_HEADER = "x-talk-often-peer";
export const CLIENT_HEADER = "x-talk-often-client";
export const LOCAL_HEADER = "x-talk-often-local";
/** Set on globalThis by scripts/server.mjs: the app trusts the headers above only behind it. */
export const SERVER_MARK = Symbol.for("talk-often.server");

/**
 * True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.x.x).
 * @param {unknown} address
 */
export function isLoopbackAddress(address) {
  if (typeof address !== "string") return false;
  const plain = address.replace(/^::ffff:/i, "");
  if (net.isIPv4(plain)) return plain.startsWith("127.");
  return net.isIPv6(address) && /^(0{1,4}:){7}0{0,3}1$|^::1$/.test(address);
}

/**
 * True when a host name, or a Host header with its port, names loopback: localhost (and names under
 * .localhost), 127.x.x.x or [::1].
 * @param {unknown} host
 */
export function isLoopbackHost(host) {
  if (typeof host !== "string" || host === "") return false;
  let name = host;
  if (name.startsWith("[")) name = name.slice(1, name.indexOf("]"));
  else if (name.split(":").length === 2) name = name.split(":")[0] ?? "";
  name = name.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(name);
}
