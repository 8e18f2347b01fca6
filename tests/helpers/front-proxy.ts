// Debian's nginx from deploy/nginx in front of app servers of the build under test, for the front
// proxy's tests and benchmark (tests/e2e/front-proxy.spec.ts, bench/pages.ts): a self-signed certificate, the configuration rendered by
// deploy/nginx/render.sh, and web processes (scripts/server.mjs) with the proxy's public address.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/embedded-postgres";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";

async function waitForPort(port: number, host = "127.0.0.1", timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${host}:${port}`);
}

export type FrontProxy = {
  httpsOrigin: string;
  httpOrigin: string;
  httpsPort: number;
  /** Renders the configuration again (e.g. a new build's id) and reloads nginx. */
  reload(options?: { buildId?: string; appPorts?: number[] }): Promise<void>;
  stop(): Promise<void>;
};

export async function startFrontProxy(options: {
  appPorts: number[];
  buildId?: string;
  /** More of nginx's http { } block, e.g. the benchmark's static server; "$PREFIX" is the folder. */
  extra?: string;
  /** The public host name (its certificate names it too); the browser maps it to 127.0.0.1. */
  serverName?: string;
}): Promise<FrontProxy & { prefix: string }> {
  const serverName = options.serverName ?? "127.0.0.1";
  const prefix = mkdtempSync(path.join(os.tmpdir(), "talkoften-nginx-"));
  chmodSync(prefix, 0o755);
  for (const dir of ["logs", "cache", "temp"]) mkdirSync(path.join(prefix, dir));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${serverName}`,
      "-addext",
      serverName === "127.0.0.1"
        ? "subjectAltName=IP:127.0.0.1"
        : `subjectAltName=DNS:${serverName},IP:127.0.0.1`,
      "-keyout",
      path.join(prefix, "key.pem"),
      "-out",
      path.join(prefix, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  const [httpPort, httpsPort, brotliPort] = [await freePort(), await freePort(), await freePort()];
  const httpsOrigin = `https://${serverName}:${httpsPort}`;
  const render = (appPorts: number[], buildId: string) =>
    execFileSync("sh", [path.resolve("deploy/nginx/render.sh")], {
      env: {
        ...process.env,
        TALKOFTEN_SERVER_NAME: serverName,
        TALKOFTEN_APP_SERVERS: appPorts.map((port) => `server 127.0.0.1:${port};`).join(" "),
        TALKOFTEN_CERT: path.join(prefix, "cert.pem"),
        TALKOFTEN_KEY: path.join(prefix, "key.pem"),
        TALKOFTEN_HTTP_PORT: String(httpPort),
        TALKOFTEN_HTTPS_PORT: String(httpsPort),
        TALKOFTEN_PUBLIC_ORIGIN: httpsOrigin,
        TALKOFTEN_CACHE_DIR: path.join(prefix, "cache"),
        TALKOFTEN_BUILD_ID: buildId,
        TALKOFTEN_BROTLI_PORT: String(brotliPort),
      },
    }).toString();
  const buildId = options.buildId ?? readFileSync(path.resolve(".next/BUILD_ID"), "utf8").trim();
  const write = (appPorts: number[], id: string) =>
    writeFileSync(path.join(prefix, "talkoften.conf"), render(appPorts, id));
  write(options.appPorts, buildId);
  // What Debian's nginx.conf has around conf.d/*.conf, with everything under the test's folder.
  writeFileSync(
    path.join(prefix, "nginx.conf"),
    [
      // Debian's brotli module when installed (its modules-enabled file names it relative to /usr/share/nginx).
      existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : "",
      os.userInfo().uid === 0 ? "user root;" : "",
      "worker_processes 2;",
      `pid ${path.join(prefix, "nginx.pid")};`,
      `error_log ${path.join(prefix, "logs/error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  sendfile on;",
      // Which app server answered each request (the scale-out test reads it).
      "  log_format upstream '$request_method $uri $upstream_addr';",
      `  access_log ${path.join(prefix, "logs/upstream.log")} upstream;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `  ${kind}_temp_path ${path.join(prefix, "temp", kind)};`,
      ),
      `  include ${path.join(prefix, "talkoften.conf")};`,
      (options.extra ?? "").replaceAll("$PREFIX", prefix),
      "}",
    ].join("\n"),
  );
  const args = ["-p", prefix, "-c", path.join(prefix, "nginx.conf")];
  execFileSync(NGINX, [...args, "-t"], { stdio: "pipe" });
  const nginx: ChildProcess = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: "ignore" });
  await waitForPort(httpsPort);
  return {
    prefix,
    httpsOrigin,
    httpOrigin: `http://${serverName}:${httpPort}`,
    httpsPort,
    async reload(next = {}) {
      write(next.appPorts ?? options.appPorts, next.buildId ?? buildId);
      execFileSync(NGINX, [...args, "-s", "reload"]);
      await new Promise((r) => setTimeout(r, 500)); // the new workers take over
    },
    async stop() {
      nginx.kill("SIGQUIT");
      await new Promise((r) => nginx.once("exit", r));
    },
  };
}

/** A web process of the build under test (scripts/server.mjs), with `env` beside the e2e server's. */
export async function startAppServer(options: {
  port?: number;
  env: Record<string, string>;
}): Promise<{ port: number; output(): string; stop(): Promise<void> }> {
  const port = options.port ?? (await freePort());
  const env = options.env;
  const child = spawn(
    process.execPath,
    ["scripts/server.mjs", "--port", String(port), "--host", "127.0.0.1"],
    {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // What it logs, for tests that read it (read as it comes, so the pipes never fill).
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  await waitForPort(port, "127.0.0.1", 90_000);
  return {
    port,
    output: () => output.join(""),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

export type ProxiedResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

/**
 * A request to the proxy from a chosen loopback address (127.0.0.x is this machine too), so that the
 * app's per-client limit counts this test alone. The certificate is the test's own, self-signed.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<ProxiedResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress, rejectUnauthorized: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
