// The front proxy production needs (deploy/nginx), tested: Debian's nginx with that configuration in
// front of a web process of the build under test whose public address is the proxy's.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { SIGN_IN_PER_IP } from "@/lib/auth/sign-in-limits";
import { listOutbox } from "@/lib/email/outbox";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import { expect, test } from "./fixtures";
import {
  BROTLI_MODULE,
  requestFrom,
  startAppServer,
  startFrontProxy,
  type FrontProxy,
} from "../helpers/front-proxy";

const dataDir = process.env.E2E_DATA_DIR!;
const unique = () => `proxied-${randomBytes(4).toString("hex")}@example.org`;

test.describe.configure({ mode: "serial" });

let proxy: FrontProxy;
let app: Awaited<ReturnType<typeof startAppServer>>;

test.beforeAll(async () => {
  const appPort = await freePort();
  proxy = await startFrontProxy({ appPorts: [appPort] });
  const database = await startEmbeddedPostgres({ dataDir }); // the e2e server's
  app = await startAppServer({
    port: appPort,
    env: {
      APP_URL: proxy.httpsOrigin,
      AUTH_URL: `${proxy.httpsOrigin}/api/auth`,
      AUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
      DATABASE_URL: database.url(),
      DATA_DIR: dataDir,
      TRUSTED_PROXIES: "1",
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await proxy?.stop();
});

const gzip = { "Accept-Encoding": "gzip" };

test("plain http is redirected; a guide comes from the cache the second time, gzipped, with HSTS; hashed assets are immutable", async () => {
  const redirect = await fetch(`${proxy.httpOrigin}/guides/8-10?x=1`, { redirect: "manual" });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get("location")).toBe(`${proxy.httpsOrigin}/guides/8-10?x=1`);

  const url = `${proxy.httpsOrigin}/guides/8-10/online-games`;
  const first = await requestFrom("127.0.0.1", url, { headers: gzip });
  const second = await requestFrom("127.0.0.1", url, { headers: gzip });
  expect([first.headers["x-cache-status"], second.headers["x-cache-status"]]).toEqual(["MISS", "HIT"]);
  expect(second.status).toBe(200);
  expect(second.headers["content-encoding"]).toBe("gzip");
  expect(second.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(second.headers["x-accel-expires"]).toBeUndefined(); // nginx keeps it to itself
  const html = gunzipSync(second.body).toString("utf8");
  expect(html).toContain("Games and the people in them");
  // Brotli (Debian's libnginx-mod-http-brotli-filter, which .ci/run installs), compressed once and cached.
  expect(existsSync(BROTLI_MODULE), `${BROTLI_MODULE}: apt-get install libnginx-mod-http-brotli-filter`).toBe(
    true,
  );
  const br = { "Accept-Encoding": "gzip, deflate, br" };
  const brFirst = await requestFrom("127.0.0.1", url, { headers: br });
  const brSecond = await requestFrom("127.0.0.1", url, { headers: br });
  expect([brFirst.headers["x-cache-status"], brSecond.headers["x-cache-status"]]).toEqual(["MISS", "HIT"]);
  expect(brSecond.headers["content-encoding"]).toBe("br");
  expect(brotliDecompressSync(brSecond.body).toString("utf8")).toContain("Games and the people in them");
  // A client that does not take gzip gets its own, uncompressed copy.
  const plain = await requestFrom("127.0.0.1", url);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8")).toContain("Games and the people in them");

  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  const script = await requestFrom("127.0.0.1", `${proxy.httpsOrigin}${asset}`, { headers: gzip });
  expect(script.status).toBe(200);
  expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("after a deploy (the configuration rendered with the new build's id), no page cached for the old build is served", async () => {
  const url = `${proxy.httpsOrigin}/guides/4-7`;
  await requestFrom("127.0.0.1", url, { headers: gzip });
  expect((await requestFrom("127.0.0.1", url, { headers: gzip })).headers["x-cache-status"]).toBe("HIT");
  await proxy.reload({ buildId: "next-build" });
  expect((await requestFrom("127.0.0.1", url, { headers: gzip })).headers["x-cache-status"]).toBe("MISS");
  await proxy.reload(); // back to the build that is running
});

test("a parent signs in end to end through the proxy; the account page is never cached and another client never sees it", async ({
  browser,
}) => {
  const email = unique();
  const context = await browser.newContext({ baseURL: proxy.httpsOrigin, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const message = (await listOutbox(dataDir)).find((m) => m.to === email)!;
  expect(message.links[0]!.startsWith(`${proxy.httpsOrigin}/`)).toBe(true);
  await page.goto(message.links[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${proxy.httpsOrigin}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "__Secure-authjs.session-token")!;
  expect(session.secure).toBe(true);
  const signedIn = await requestFrom("127.0.0.1", `${proxy.httpsOrigin}/account`, {
    headers: { ...gzip, Cookie: `${session.name}=${session.value}` },
  });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers["x-cache-status"]).toBe("BYPASS");
  expect(String(signedIn.headers["cache-control"])).toMatch(/private|no-store/);
  // A signed-in visitor's public pages neither come from nor go into the shared cache.
  const guide = await requestFrom("127.0.0.1", `${proxy.httpsOrigin}/guides/11-13`, {
    headers: { Cookie: `${session.name}=${session.value}` },
  });
  expect(guide.headers["x-cache-status"]).toBe("BYPASS");

  // Someone else, straight after: sent to sign in, never the first parent's page.
  for (let i = 0; i < 2; i += 1) {
    const other = await requestFrom("127.0.0.1", `${proxy.httpsOrigin}/account`, { headers: gzip });
    expect(other.status).toBeGreaterThanOrEqual(300);
    expect(other.status).toBeLessThan(400);
    expect(other.headers.location).toMatch(/\/signin/);
    expect(other.body.toString("latin1")).not.toContain(email);
  }
  await context.close();
});

test("the per-client sign-in limit sees the real client through the proxy; a spoofed X-Forwarded-For does not help", async () => {
  // This test's own loopback address, so that only its requests count against it.
  const client = `127.0.${1 + Math.floor(Math.random() * 200)}.${2 + Math.floor(Math.random() * 200)}`;
  const outcomes: boolean[] = [];
  for (let i = 0; i <= SIGN_IN_PER_IP.max; i += 1) {
    const spoof = { "X-Forwarded-For": `198.51.100.${i}` };
    const form = await requestFrom(client, `${proxy.httpsOrigin}/signin`, { headers: spoof });
    const fields = [
      ...form.body.toString("utf8").matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g),
    ].map(
      ([, name, value]) => [name!, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")] as const,
    );
    const data = new FormData();
    for (const [name, value] of fields) data.append(name, value);
    data.append("email", unique());
    const encoded = new Request("https://x/", { method: "POST", body: data });
    const response = await requestFrom(client, `${proxy.httpsOrigin}/signin`, {
      method: "POST",
      headers: { ...spoof, Origin: proxy.httpsOrigin, "Content-Type": encoded.headers.get("content-type")! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(response.status).toBeLessThan(500);
    outcomes.push(!response.body.toString("utf8").includes("from this network"));
  }
  expect(outcomes.filter(Boolean)).toHaveLength(SIGN_IN_PER_IP.max);
  expect(outcomes.at(-1)).toBe(false);
});
