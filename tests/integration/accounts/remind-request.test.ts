// The one-step way in: a request checked as one, carried signed in the confirmation link (nothing
// stored until it is confirmed), and made into one child and plan once: never again, even after that
// child is removed.
import { beforeAll, describe, expect, it } from "vitest";
import {
  addRemindedChild,
  confirmRemindRequest,
  parseRemindForm,
  readRemindRequest,
  REMIND_DEFAULTS,
  REMIND_LINK_TTL_MS,
  signRemindRequest,
} from "@/lib/accounts/remind-request";
import { databaseSuite } from "../../helpers/integration-env";
import { makeParent } from "../../helpers/factories";

const SECRET = "s".repeat(40);
const database = databaseSuite();
beforeAll(() => {
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: SECRET });
});

const form = (values: Record<string, string> = {}) => ({
  ...REMIND_DEFAULTS,
  address: "Parent@Example.org",
  ageGroup: "8-10",
  timeZone: "europe/london",
  ...values,
});

/** The request the form makes of `values` (over the defaults), which must be a valid one. */
function validRequest(values: Record<string, string> = {}) {
  const parsed = parseRemindForm(form(values));
  if (!parsed.ok) throw new Error("expected a valid request");
  return parsed.request;
}

/** A parent at `address`, and the signed link token of a request from that address (with `values`). */
async function parentAndToken(address: string, values: Record<string, string> = {}) {
  const parent = await makeParent(database.db, address);
  return { parent, token: signRemindRequest(SECRET, validRequest({ address, ...values })) };
}

describe("a /remind request", () => {
  it("is the form's defaults, an address and an age group: the first Sunday at 19:00, by email", () => {
    const parsed = parseRemindForm(form());
    expect(parsed).toMatchObject({
      ok: true,
      request: {
        email: "parent@example.org",
        child: { ageGroup: "8-10", label: null },
        plan: { ruleKind: "NTH_WEEKDAY", nth: 1, weekday: 7, localTime: "19:00", timeZone: "Europe/London" },
      },
    });
  });

  it("names every field that is wrong, and says who the guides are for when the age is outside 4 to 17", () => {
    const parsed = parseRemindForm(form({ address: "not an address", ageGroup: "", localTime: "7pm" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["address", "ageGroup", "localTime"]);
    const year = new Date().getUTCFullYear();
    const toddler = parseRemindForm(form({ ageBy: "birth", birthMonth: "1", birthYear: String(year - 2) }));
    expect(toddler).toMatchObject({
      ok: false,
      errors: { birthYear: expect.stringContaining("aged 4 to 17") },
    });
  });

  it("travels signed: read back whole, refused when altered, signed with another secret or expired", () => {
    const request = validRequest();
    const now = new Date("2026-11-29T12:00:00Z");
    const token = signRemindRequest(SECRET, request, now);
    expect(readRemindRequest(SECRET, token, now)?.request).toEqual(request);
    const [body, mac] = token.split(".");
    const altered = Buffer.from(body!, "base64url").toString().replace("8-10", "4-7");
    expect(readRemindRequest(SECRET, `${Buffer.from(altered).toString("base64url")}.${mac}`, now)).toBeNull();
    expect(readRemindRequest("t".repeat(40), token, now)).toBeNull();
    expect(readRemindRequest(SECRET, token, new Date(now.getTime() + REMIND_LINK_TTL_MS + 1000))).toBeNull();
    expect(readRemindRequest(SECRET, `${token}.extra`, now)).toBeNull();
  });

  it("makes one child and one plan, once, and only for the address it was sent to", async () => {
    const { parent, token } = await parentAndToken("confirm@example.org", { calendar: "on" });
    const first = await confirmRemindRequest(parent, token, database.db);
    expect(first).toMatchObject({ childId: expect.any(String) });
    expect(await confirmRemindRequest(parent, token, database.db)).toBe("used");
    const children = await database.db.child.findMany({
      where: { userId: parent.id },
      include: { plan: true },
    });
    expect(children).toHaveLength(1);
    expect(children[0]!.plan).toMatchObject({
      emailEnabled: true,
      calendarEnabled: true,
      timeZone: "Europe/London",
    });
    expect(children[0]!.plan!.calendarToken).toMatch(/^[\w-]{32}$/);

    const other = await makeParent(database.db, "someone-else@example.org");
    expect(await confirmRemindRequest(other, token, database.db)).toBe("other-address");
    expect(await database.db.child.count({ where: { userId: other.id } })).toBe(0);
  });

  it("stays used after its child is removed: the link never makes it again (probe N3)", async () => {
    const { parent, token } = await parentAndToken("removed@example.org");
    const made = await confirmRemindRequest(parent, token, database.db);
    if (typeof made !== "object" || !made) throw new Error(`not made: ${made}`);
    await database.db.child.delete({ where: { id: made.childId } });
    expect(await confirmRemindRequest(parent, token, database.db)).toBe("used");
    expect(await database.db.child.count({ where: { userId: parent.id } })).toBe(0);
  });

  it("makes one child when ten confirmations of one request arrive at once", async () => {
    const { parent, token } = await parentAndToken("ten@example.org");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => confirmRemindRequest(parent, token, database.db)),
    );
    expect(outcomes.filter((outcome) => outcome === "used")).toHaveLength(9);
    expect(await database.db.child.count({ where: { userId: parent.id } })).toBe(1);
  });

  it("keeps to 12 children", async () => {
    const parent = await makeParent(database.db);
    const request = validRequest({ address: parent.email });
    const outcomes = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        addRemindedChild(database.db, parent.id, request, `req-${parent.id}-${i}`),
      ),
    );
    expect(outcomes.filter((o) => o === "limit")).toHaveLength(2);
    expect(await database.db.child.count({ where: { userId: parent.id } })).toBe(12);
  });
});
