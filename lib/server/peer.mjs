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

/**
 * The part of a client's address that names one client for per-client limits: an IPv4 address as
 * it is, an IPv6 address's /64 (one home or phone gets a whole /64, so its 2^64 addresses are one
 * client). IPv4-mapped IPv6 (::ffff:1.2.3.4) reads as the IPv4 address.
 * @param {string} address
 * @returns {string}
 */
export function clientNetwork(address) {
  const mapped = address.replace(/^::ffff:/i, "");
  if (net.isIPv4(mapped)) return mapped;
  if (!net.isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/**
 * An IPv6 address's eight groups, each without leading zeros, "::" filled in (and a zone dropped).
 * @param {string} address
 * @returns {string[]}
 */
function expandIPv6(address) {
  let plain = address.split("%")[0] ?? "";
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) as two groups.
  const tail = plain.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number);
    plain = `${plain.slice(0, tail.index)}${((a ?? 0) * 256 + (b ?? 0)).toString(16)}:${((c ?? 0) * 256 + (d ?? 0)).toString(16)}`;
  }
  const [head = "", rest] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const middle = rest === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group || "0", 16).toString(16));
}

/**
 * True when `peer` is one of the proxies whose X-Forwarded-* headers the app believes: the addresses
 * in `trusted` (TRUSTED_PROXY_ADDRESSES), or loopback when none are given (nginx on this machine).
 * @param {string} peer
 * @param {string[]} trusted
 */
export function isTrustedProxy(peer, trusted) {
  if (trusted.length === 0) return isLoopbackAddress(peer);
  const plain = peer.replace(/^::ffff:/i, "");
  return trusted.some((address) => {
    const wanted = address.replace(/^::ffff:/i, "");
    if (net.isIPv6(wanted) && net.isIPv6(plain))
      return expandIPv6(wanted).join(":") === expandIPv6(plain).join(":");
    return wanted === plain;
  });
}
