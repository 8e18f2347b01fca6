// What the web server in front of Next.js tells the app about a request, and what it refuses.
import { Socket } from "node:net";
import { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import {
  CLIENT_HEADER,
  clientNetwork,
  isLoopbackAddress,
  isTrustedProxy,
  isLoopbackHost,
  LOCAL_HEADER,
  PEER_HEADER,
} from "@/lib/server/peer.mjs";
import {
  checkedForm,
  clientAddressOf,
  isDecodablePath,
  keepPrivateAnswersPrivate,
  markRequest,
  MAX_BODY_BYTES,
  refusal,
} from "../../../scripts/server.mjs";

function request(options: {
  peer?: string;
  method?: string;
  url?: string;
  headers?: Record<string, string>;
}): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, "remoteAddress", { value: options.peer ?? "127.0.0.1" });
  const req = new IncomingMessage(socket);
  req.method = options.method ?? "GET";
  req.url = options.url ?? "/";
  req.headers = { host: "localhost:3000", ...options.headers };
  return req;
}

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
  });

  it("is the right-most entry no trusted proxy added, so a spoofed entry changes nothing", () => {
    // nginx appends the address it saw: "<whatever the client sent>, <the client>"
    expect(clientAddressOf("127.0.0.1", "198.51.100.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("127.0.0.1", "203.0.113.9", 1)).toBe("203.0.113.9");
    // a CDN, then a load balancer
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 203.0.113.9, 192.0.2.10", 2)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("replaces any peer, client or local header the client sent", () => {
    const req = request({
      peer: "203.0.113.9",
      headers: { [PEER_HEADER]: "127.0.0.1", [CLIENT_HEADER]: "127.0.0.1", [LOCAL_HEADER]: "1" },
    });
    markRequest(req, { trustedHops: 0 });
    expect(req.headers[PEER_HEADER]).toBe("203.0.113.9");
    expect(req.headers[CLIENT_HEADER]).toBe("203.0.113.9");
    expect(req.headers[LOCAL_HEADER]).toBe("0");
  });
});

describe("a local request (the only one that may read the outbox)", () => {
  const local = (options: Parameters<typeof request>[0]) => {
    const req = request(options);
    markRequest(req, { trustedHops: 0 });
    return req.headers[LOCAL_HEADER] === "1";
  };

  it("comes from a loopback peer with a loopback Host", () => {
    expect(local({ peer: "127.0.0.1", headers: { host: "localhost:3000" } })).toBe(true);
    expect(local({ peer: "::1", headers: { host: "[::1]:3000" } })).toBe(true);
    expect(local({ peer: "::ffff:127.0.0.1", headers: { host: "127.0.0.1:3000" } })).toBe(true);
  });

  it("is not one from another machine, a rebound DNS name, or a proxy on this machine", () => {
    expect(local({ peer: "192.0.2.7", headers: { host: "localhost:3000" } })).toBe(false);
    expect(local({ peer: "127.0.0.1", headers: { host: "attacker.example:3000" } })).toBe(false);
    expect(
      local({ peer: "127.0.0.1", headers: { host: "localhost", "x-forwarded-for": "203.0.113.9" } }),
    ).toBe(false);
    expect(local({ peer: "127.0.0.1", headers: { host: "localhost", forwarded: "for=203.0.113.9" } })).toBe(
      false,
    );
    expect(local({ peer: "127.0.0.1", headers: { host: "" } })).toBe(false);
  });

  it("knows loopback addresses and host names", () => {
    for (const address of ["127.0.0.1", "127.8.9.1", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["128.0.0.1", "::2", "::", "0.0.0.0", "10.0.0.1", "localhost", ""])
      expect(isLoopbackAddress(address), address).toBe(false);
    for (const host of [
      "localhost",
      "LOCALHOST:3000",
      "app.localhost",
      "127.0.0.1:80",
      "[::1]:3000",
      "localhost.",
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      "localhost.attacker.example",
      "example.org",
      "0.0.0.0",
      "[::2]:3000",
      "127.0.0.1.nip.io",
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe("what the server refuses before Next.js sees it", () => {
  const status = (options: Parameters<typeof request>[0], trustedHops = 0) =>
    refusal(request(options), { trustedHops })?.status ?? null;

  it("answers 400 to a path that is not valid percent-encoding", () => {
    for (const url of [
      "/checkin/%E0%A4%A",
      "/unsubscribe/%ZZ",
      "/guides/%C0%AF",
      "/api/calendar/%",
      "/x/%E0%A4",
    ]) {
      expect(isDecodablePath(url), url).toBe(false);
      expect(status({ url }), url).toBe(400);
    }
    for (const url of ["/", "/guides/8-10", "/search?q=%ZZ", "/a%20b", "/caf%C3%A9"])
      expect(status({ url }), url).toBeNull();
  });

  it("answers 413 to a body over the limit, 411 to one of unstated length, 400 to a bad length", () => {
    expect(status({ method: "POST", headers: { "content-length": String(MAX_BODY_BYTES + 1) } })).toBe(413);
    expect(status({ method: "POST", headers: { "content-length": String(MAX_BODY_BYTES) } })).toBeNull();
    expect(status({ method: "POST", headers: { "transfer-encoding": "chunked" } })).toBe(411);
    expect(status({ method: "POST", headers: { "content-length": "12x" } })).toBe(400);
  });

  it("answers 403 to a POST from another site's page, and lets this site's through", () => {
    const post = (origin: string, host = "localhost:3000") => ({
      method: "POST",
      url: "/signin",
      headers: { origin, host, "content-length": "10" },
    });
    expect(status(post("http://evil.example"))).toBe(403);
    expect(status(post("null"))).toBe(403);
    expect(status(post("http://localhost:3000"))).toBeNull();
    expect(status({ method: "POST", url: "/signin", headers: { "content-length": "10" } })).toBeNull(); // no Origin: not a browser form
    // behind a trusted proxy the public host is X-Forwarded-Host
    expect(
      status(
        {
          ...post("https://talkoften.example", "127.0.0.1:3000"),
          headers: {
            ...post("https://talkoften.example", "127.0.0.1:3000").headers,
            "x-forwarded-host": "talkoften.example",
          },
        },
        1,
      ),
    ).toBeNull();
    // mail providers post one-click unsubscribes from their own origin
    expect(status({ ...post("https://mail.example"), url: "/api/unsubscribe/abc" })).toBeNull();
  });
});

describe("a multipart form", () => {
  const body = (text: string) => {
    const req = request({ method: "POST", headers: { "content-type": "multipart/form-data; boundary=XX" } });
    req.push(Buffer.from(text));
    req.push(null);
    return req;
  };
  const whole = '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n--XX--\r\n';

  it("is refused when it is truncated or malformed", async () => {
    expect(await checkedForm(body(whole.slice(0, 60)))).toBeNull();
    expect(await checkedForm(body("not a form at all"))).toBeNull();
  });

  it("is passed on whole, to be read again", async () => {
    const checked = await checkedForm(body(whole));
    const chunks: Buffer[] = [];
    for await (const chunk of checked!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(whole);
    expect(checked!.headers["content-type"]).toBe("multipart/form-data; boundary=XX");
    expect(checked!.method).toBe("POST");
  });
});

describe("who counts as one client, and whose forwarding headers count (probe N6, L4)", () => {
  it("counts an IPv6 client by its /64, so a home rotating through its addresses is one client", () => {
    expect(clientNetwork("2001:db8:5:6:1111:2222:3333:4444")).toBe("2001:db8:5:6::/64");
    expect(clientNetwork("2001:0db8:0005:0006:abcd::1")).toBe("2001:db8:5:6::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("2001:db8:5:7::1")).not.toBe(clientNetwork("2001:db8:5:6::1"));
    expect(clientNetwork("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetwork("198.51.100.7")).toBe("198.51.100.7");
    const req = request({ peer: "127.0.0.1", headers: { "x-forwarded-for": "2001:db8:5:6:dead:beef:0:1" } });
    markRequest(req, { trustedHops: 1 });
    expect(req.headers[CLIENT_HEADER]).toBe("2001:db8:5:6::/64");
  });

  it("believes X-Forwarded-For only from a trusted proxy's address: a client reaching the port directly cannot choose its own", () => {
    const direct = request({ peer: "203.0.113.50", headers: { "x-forwarded-for": "192.0.2.1" } });
    markRequest(direct, { trustedHops: 1 });
    expect(direct.headers[CLIENT_HEADER]).toBe("203.0.113.50");
    const viaNginx = request({ peer: "127.0.0.1", headers: { "x-forwarded-for": "192.0.2.1" } });
    markRequest(viaNginx, { trustedHops: 1 });
    expect(viaNginx.headers[CLIENT_HEADER]).toBe("192.0.2.1");
    const viaBalancer = request({ peer: "10.0.0.5", headers: { "x-forwarded-for": "192.0.2.1" } });
    markRequest(viaBalancer, { trustedHops: 1, trustedProxies: ["10.0.0.5"] });
    expect(viaBalancer.headers[CLIENT_HEADER]).toBe("192.0.2.1");
    expect(isTrustedProxy("::ffff:10.0.0.5", ["10.0.0.5"])).toBe(true);
    expect(isTrustedProxy("10.0.0.6", ["10.0.0.5"])).toBe(false);
    expect(isTrustedProxy("::1", [])).toBe(true);
  });

  it("refuses, with a 403 not a 500, a post whose Origin is its Host but whose X-Forwarded-Host differs", () => {
    const headers = {
      origin: "http://127.0.0.1:4721",
      host: "127.0.0.1:4721",
      "x-forwarded-host": "evil.test",
    };
    // Not from a trusted proxy: X-Forwarded-Host is dropped before Next.js sees it, which then agrees.
    const direct = request({ peer: "203.0.113.50", method: "POST", headers });
    expect(refusal(direct, { trustedHops: 1 })).toBeNull();
    markRequest(direct, { trustedHops: 1 });
    expect(direct.headers["x-forwarded-host"]).toBeUndefined();
    // From the proxy: compared with X-Forwarded-Host, as Next.js does, so it is our 403.
    const proxied = request({ peer: "127.0.0.1", method: "POST", headers });
    expect(refusal(proxied, { trustedHops: 1 })).toMatchObject({ status: 403 });
    const plain = request({ peer: "127.0.0.1", method: "POST", headers });
    markRequest(plain, { trustedHops: 0 });
    expect(plain.headers["x-forwarded-host"]).toBeUndefined();
  });
});

describe("answers a shared cache must not keep (probe N8)", () => {
  function answer(headers: Record<string, string>, status: number, set: Record<string, string>) {
    const req = request({ headers });
    const res = new ServerResponse(req);
    for (const [name, value] of Object.entries(set)) res.setHeader(name, value);
    keepPrivateAnswersPrivate(req, res);
    res.writeHead(status);
    return res;
  }
  const PUBLIC = { "Cache-Control": "public, max-age=300, s-maxage=86400", "X-Accel-Expires": "86400" };

  it("makes a redirect, or any answer to Next.js's router (RSC: 1), private", () => {
    const rsc = answer({ rsc: "1" }, 307, PUBLIC);
    expect(rsc.getHeader("cache-control")).toBe("private, no-store");
    expect(rsc.getHeader("x-accel-expires")).toBeUndefined();
    expect(answer({}, 308, PUBLIC).getHeader("cache-control")).toBe("private, no-store");
    expect(answer({ rsc: "1" }, 200, PUBLIC).getHeader("cache-control")).toBe("private, no-store");
    const headersGiven = (() => {
      const req = request({ headers: { rsc: "1" } });
      const res = new ServerResponse(req);
      keepPrivateAnswersPrivate(req, res);
      const given = { "Cache-Control": "public, s-maxage=86400", Location: "/x?_rsc" };
      res.writeHead(307, given);
      return res;
    })();
    expect(headersGiven.getHeader("cache-control")).toBe("private, no-store");
  });

  it("leaves a page's HTML public, saying which router headers it varies on", () => {
    const page = answer({}, 200, { ...PUBLIC, Vary: "Accept-Encoding" });
    expect(page.getHeader("cache-control")).toBe(PUBLIC["Cache-Control"]);
    expect(String(page.getHeader("vary"))).toMatch(/Accept-Encoding, rsc, next-router-state-tree/);
  });
});
