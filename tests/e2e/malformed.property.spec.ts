// Malformed input of every kind at every route and every server action of the production server: a
// 4xx (or a page that says what is wrong), never a 5xx. fast-check makes the input; a failure prints
// the smallest request that gave a 5xx.
import fc from "fast-check";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addChild, signInAs } from "./helpers";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `10.8.${Math.floor(Math.random() * 250)}.1` } });

const RUNS = 40;

/** Every route, with a slot for a path segment ({s}) or a query value ({q}). */
const ROUTES = [
  "/{s}",
  "/guides/{s}",
  "/guides/8-10/{s}",
  "/guides/{s}/live-streaming",
  "/search?q={q}",
  "/schools/letter/{s}?school={q}",
  "/schools/qr/{s}",
  "/checkin/{s}",
  "/reminders/skip/{s}",
  "/reminders/pause/{s}",
  "/unsubscribe/{s}",
  "/api/unsubscribe/{s}",
  "/api/calendar/{s}",
  "/api/auth/{s}",
  "/api/auth/callback/email?token={q}&email={q}&callbackUrl={q}",
  "/signin/confirm?token={q}&email={q}&callbackUrl={q}",
  "/signin/error?error={q}",
  "/dev/outbox/{s}",
  "/account/data/export?{q}",
];

/** A path segment or query value as an attacker writes it: broken %-sequences, odd bytes, long runs. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.stringMatching(/^[%A-Za-z0-9.~_-]{0,12}$/), // "%ZZ", "%E0%A4%A", a lone "%"
  fc
    .uint8Array({ maxLength: 12 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
  fc.constantFrom("%C0%AF", "%E0%A4%A", "%ZZ", "%", "..%2F..%2Fetc%2Fpasswd", "%00", "x".repeat(3000)),
);

const body = fc.oneof(
  fc.constant<{ kind: "none" }>({ kind: "none" }),
  fc.record({ kind: fc.constant("form" as const), text: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant("json" as const), text: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant("truncated" as const), cut: fc.nat({ max: 120 }) }),
  fc.constant<{ kind: "huge" }>({ kind: "huge" }),
);

const MULTIPART =
  '--XX\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\nparent@example.org\r\n--XX--\r\n';

async function send(
  request: APIRequestContext,
  method: "GET" | "POST",
  path: string,
  payload: { kind: string; text?: string; cut?: number },
) {
  const options: Parameters<APIRequestContext["fetch"]>[1] = {
    method,
    maxRedirects: 0,
    failOnStatusCode: false,
  };
  if (method === "POST" && payload.kind !== "none") {
    const [type, data] =
      payload.kind === "form"
        ? ["application/x-www-form-urlencoded", payload.text!]
        : payload.kind === "json"
          ? ["application/json", payload.text!]
          : payload.kind === "truncated"
            ? ["multipart/form-data; boundary=XX", MULTIPART.slice(0, payload.cut)]
            : ["application/octet-stream", "x".repeat(300_000)];
    options.headers = { "Content-Type": type };
    options.data = Buffer.from(data);
  }
  return request.fetch(path, options);
}

test("no route answers malformed paths, queries or bodies with a 5xx", async ({ request }) => {
  test.setTimeout(240_000);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ROUTES),
      hostile,
      hostile,
      fc.constantFrom("GET" as const, "POST" as const),
      body,
      async (route, segment, value, method, payload) => {
        const path = route.replaceAll("{s}", segment).replaceAll("{q}", value);
        const response = await send(request, method, path, payload);
        expect(response.status(), `${method} ${path.slice(0, 200)} (${payload.kind})`).toBeLessThan(500);
      },
    ),
    { numRuns: RUNS * 6 },
  );
});

/** Every form on a page that posts to a server action, as the browser would send it. */
async function actionForms(request: APIRequestContext, path: string): Promise<[string, string][][]> {
  const html = await (await request.get(path)).text();
  const forms = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map(([, inner]) =>
    [...inner!.matchAll(/<(?:input|textarea|select)[^>]*name="([^"]+)"(?:[^>]*value="([^"]*)")?/g)].map(
      ([, name, value]) =>
        [
          name!,
          (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&#x27;", "'"),
        ] as [string, string],
    ),
  );
  return forms.filter((fields) => fields.some(([name]) => name.startsWith("$ACTION")));
}

/** A form's fields, tampered with: bound arguments of the wrong type, fields dropped or of any value. */
const tampering: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant("bound" as const), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant("field" as const), value: fc.string({ maxLength: 300 }) }),
  fc.record({ kind: fc.constant("drop" as const), index: fc.nat() }),
  fc.record({ kind: fc.constant("id" as const), value: fc.stringMatching(/^[0-9a-f]{1,50}$/) }),
);

type Tampering =
  | { kind: "bound"; value: unknown }
  | { kind: "field"; value: string }
  | { kind: "drop"; index: number }
  | { kind: "id"; value: string };

function tamper(fields: [string, string][], how: Tampering): [string, string][] {
  const copy = fields.map(([name, value]) => [name, value] as [string, string]);
  if (how.kind === "bound") {
    // The bound arguments ($ACTION_n:1 is the array of them): replaced by any JSON value, of any type,
    // as React encodes it (a string starting with "$" is written "$$…"; an unescaped one is a reference
    // in React's wire format, which its decoder, not our code, refuses).
    const bound = copy.find(([name]) => /^\$ACTION_\d+:1$/.test(name));
    const value = Array.isArray(how.value) ? how.value : [how.value, how.value];
    if (bound)
      bound[1] = JSON.stringify(value, (_key, v: unknown) =>
        typeof v === "string" && v.startsWith("$") ? `$${v}` : v,
      );
  } else if (how.kind === "field") {
    for (const field of copy) if (!field[0].startsWith("$ACTION")) field[1] = how.value;
  } else if (how.kind === "drop") {
    // A field the form has (not Next.js's own encoding of the action, which is its decoder's to check).
    const own = copy.filter(([name]) => !name.startsWith("$ACTION"));
    if (own.length) copy.splice(copy.indexOf(own[how.index % own.length]!), 1);
  } else {
    const ref = copy.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
    if (ref) ref[1] = JSON.stringify({ id: how.value, bound: "$@1" });
  }
  return copy;
}

test("no server action answers tampered arguments with a 5xx", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await signInAs(page, `parent-${Date.now()}@example.org`, { checkAccessibility: false });
  await addChild(page, "T", "8-10");
  const region = page.getByRole("region", { name: "T", exact: true });
  await region.getByRole("button", { name: "Save check-in plan" }).click();
  await expect(region.getByRole("button", { name: /Pause reminders/ })).toBeVisible();

  const request = page.context().request; // signed in: the same cookies as the page
  // Not the forms that end the session (sign out, delete the account): the rest need it.
  const forms = [
    ...(await actionForms(request, "/signin")),
    ...(await actionForms(request, "/account")),
  ].filter((fields) => !fields.some(([name]) => name === "confirm" || name.startsWith("$ACTION_ID_")));
  expect(forms.length).toBeGreaterThanOrEqual(6);
  const origin = new URL(baseURL!).origin;
  const post = (fields: [string, string][]) =>
    request.post("/account", {
      headers: { Origin: origin },
      multipart: Object.fromEntries(fields),
      maxRedirects: 0,
      failOnStatusCode: false,
    });

  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...forms), tampering, async (fields, how) => {
      const response = await post(tamper(fields, how));
      expect(response.status(), JSON.stringify(tamper(fields, how)).slice(0, 300)).toBeLessThan(500);
    }),
    { numRuns: RUNS * 3 },
  );
});
