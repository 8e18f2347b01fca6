// What the web server in front of Next.js tells the app about a request, and what it refuses.
import { Socket } from "node:net";
import { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  CLIENT_HEADER,
  isLoopbackAddress,
  isLoopbackHost,
  LOCAL_HEADER,
  PEER_HEADER,
} from "@/lib/server/peer.mjs";
import {
  checkedForm,
  clientAddressOf,
  isDecodablePath,
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
