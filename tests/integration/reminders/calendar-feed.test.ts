// The calendar feed, read back with a real iCalendar library (ical.js) and expanded for two years.
import ICAL from "ical.js";
import { convertIcsCalendar } from "ts-ics";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addChildFor,
  regenerateCalendarFor,
  savePlanFor,
  setHouseholdCalendarFor,
  setPausedFor,
} from "@/lib/accounts/account-actions";
import { nextOccurrence } from "@/lib/reminders/recurrence";
import { scheduleOf } from "@/lib/reminders/plans";
import { databaseSuite } from "../../helpers/integration-env";
import { makeParent } from "../../helpers/factories";

const database = databaseSuite();
beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    APP_URL: "https://talkoften.test",
    AUTH_SECRET: "k".repeat(40),
  });
});

async function feed(token: string) {
  const { GET } = await import("@/app/api/calendar/[token]/route");
  return GET(new Request(`https://talkoften.test/api/calendar/${token}.ics`), {
    params: Promise.resolve({ token: `${token}.ics` }),
  });
}

/** The first `count` occurrences of the feed's event, as UTC instants, expanded by ical.js. */
function expand(ics: string, count: number): Date[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  const iterator = event.iterator();
  const dates: Date[] = [];
  for (let time = iterator.next(); time && dates.length < count; time = iterator.next())
    dates.push(time.toJSDate());
  return dates;
}

/** Properties RFC 5545 and RFC 7986 register; anything else must be an X- property. */
const REGISTERED = new Set(
  (
    "BEGIN END VERSION PRODID CALSCALE METHOD NAME DESCRIPTION UID LAST-MODIFIED URL REFRESH-INTERVAL SOURCE " +
    "COLOR IMAGE CONFERENCE DTSTAMP DTSTART DTEND DURATION SUMMARY CLASS CREATED GEO LOCATION ORGANIZER " +
    "PRIORITY SEQUENCE STATUS TRANSP RECURRENCE-ID RRULE RDATE EXDATE ATTACH ATTENDEE CATEGORIES COMMENT " +
    "CONTACT RELATED-TO RESOURCES REQUEST-STATUS TZID TZNAME TZOFFSETFROM TZOFFSETTO TZURL ACTION TRIGGER REPEAT"
  ).split(" "),
);

/** What a strict reading of RFC 5545 finds wrong with a feed (empty when nothing is). */
function strictProblems(ics: string): string[] {
  const problems: string[] = [];
  const physical = ics.split("\r\n");
  for (const line of physical)
    if (Buffer.byteLength(line) > 75) problems.push(`line over 75 octets: ${line.slice(0, 40)}…`);
  const lines = ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  for (const line of lines) {
    const name = /^[A-Z0-9-]+/i.exec(line)?.[0]?.toUpperCase() ?? "";
    if (!REGISTERED.has(name) && !name.startsWith("X-")) problems.push(`unregistered property ${name}`);
  }
  for (const line of lines.filter((l) => l.startsWith("DTSTAMP")))
    if (!/^DTSTAMP:\d{8}T\d{6}Z$/.test(line)) problems.push(`DTSTAMP not in UTC: ${line}`);
  const zones = new Set(lines.filter((l) => l.startsWith("TZID:")).map((l) => l.slice(5)));
  for (const [, zone] of ics.matchAll(/;TZID=([^:;]+)/g))
    if (!zones.has(zone!)) problems.push(`TZID ${zone} has no VTIMEZONE`);
  return problems;
}

const cases: { name: string; values: Record<string, string> }[] = [
  {
    name: "the 15th at 19:30 in London",
    values: { ruleKind: "DAY_OF_MONTH", dayOfMonth: "15", localTime: "19:30", timeZone: "Europe/London" },
  },
  {
    name: "the last day at 08:00 in Sydney",
    values: { ruleKind: "LAST_DAY", localTime: "08:00", timeZone: "Australia/Sydney" },
  },
  {
    name: "the last Friday at 18:45 in New York",
    values: {
      ruleKind: "NTH_WEEKDAY",
      nth: "-1",
      weekday: "5",
      localTime: "18:45",
      timeZone: "America/New_York",
    },
  },
  {
    name: "the second Sunday at 10:00 in Kolkata",
    values: { ruleKind: "NTH_WEEKDAY", nth: "2", weekday: "7", localTime: "10:00", timeZone: "Asia/Kolkata" },
  },
];

describe("the calendar feed", () => {
  it.each(cases)("expands like the recurrence engine for two years: $name", async ({ values }) => {
    const parent = await makeParent(database.db);
    const child = await database.db.child.create({
      data: { userId: parent.id, label: "M", ageGroup: "11-13" },
    });
    const created = new Date();
    expect(
      await savePlanFor(database.db, parent.id, child.id, { ...values, calendar: "on" }, created),
    ).toMatchObject({ ok: true });
    const plan = await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } });
    expect(plan.calendarToken).toMatch(/^[\w-]{32}$/);

    const response = await feed(plan.calendarToken!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const ics = await response.text();
    expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${values.timeZone}`);
    expect(ics).toMatch(new RegExp(`DTSTART;TZID=${values.timeZone}:`));
    expect(ics).toMatch(/RRULE:FREQ=MONTHLY/);
    expect(ics).toContain("BEGIN:VALARM");
    expect(ics).toContain("https://talkoften.test/guides/11-13/");

    // Strictly RFC 5545, and read the same way by a second, independent parser (ts-ics).
    expect(strictProblems(ics)).toEqual([]);
    const parsed = convertIcsCalendar(undefined, ics);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events![0]!.start.local?.timezone).toBe(values.timeZone);
    expect(parsed.events![0]!.recurrenceRule?.frequency).toBe("MONTHLY");
    expect(parsed.timezones?.map((zone) => zone.id)).toEqual([values.timeZone]);

    const fromFeed = expand(ics, 30)
      .filter((d) => d > created)
      .slice(0, 24);
    const fromEngine: Date[] = [];
    for (let after = created; fromEngine.length < 24;) {
      after = nextOccurrence(scheduleOf(plan), after);
      fromEngine.push(after);
    }
    expect(fromFeed.map((d) => d.toISOString())).toEqual(fromEngine.map((d) => d.toISOString()));
  });

  it("stores a zone written in any case in its IANA spelling, so the feed's TZID has its VTIMEZONE", async () => {
    const parent = await makeParent(database.db);
    const child = await database.db.child.create({ data: { userId: parent.id, ageGroup: "8-10" } });
    const values = { ...cases[0]!.values, timeZone: "eUrOpE/lOnDoN", calendar: "on" };
    expect(await savePlanFor(database.db, parent.id, child.id, values)).toMatchObject({ ok: true });
    const plan = await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } });
    expect(plan.timeZone).toBe("Europe/London");
    const ics = await (await feed(plan.calendarToken!)).text();
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/London");
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:/);
  });

  it("refuses a calendar in a zone calendar apps cannot describe yet, and keeps what was saved", async () => {
    const parent = await makeParent(database.db);
    const child = await database.db.child.create({ data: { userId: parent.id, ageGroup: "8-10" } });
    const values = { ...cases[0]!.values, timeZone: "America/Ciudad_Juarez" };
    const refused = await savePlanFor(database.db, parent.id, child.id, { ...values, calendar: "on" });
    expect(refused).toMatchObject({
      ok: false,
      errors: { timeZone: expect.stringContaining("Calendar apps") },
    });
    expect(await database.db.checkInPlan.count({ where: { childId: child.id } })).toBe(0);
    expect(await savePlanFor(database.db, parent.id, child.id, { ...values, email: "on" })).toMatchObject({
      ok: true,
    });
  });

  it("stops working when revoked or replaced, and is a 404 for unknown addresses", async () => {
    const parent = await makeParent(database.db);
    const child = await database.db.child.create({ data: { userId: parent.id, ageGroup: "4-7" } });
    const values = { ...cases[0]!.values, calendar: "on" };
    await savePlanFor(database.db, parent.id, child.id, values);
    const first = (await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } }))
      .calendarToken!;
    expect((await feed(first)).status).toBe(200);

    expect(await regenerateCalendarFor(database.db, parent.id, child.id)).toBe("ok");
    const second = (await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: child.id } }))
      .calendarToken!;
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    await savePlanFor(database.db, parent.id, child.id, { ...values, calendar: "", email: "on" });
    expect((await feed(second)).status).toBe(404);
    expect((await feed("not-a-real-token-at-all-xxxxxxxx")).status).toBe(404);
    const other = await makeParent(database.db);
    expect(await regenerateCalendarFor(database.db, other.id, child.id)).toBe("not-found");
  });

  it("for a household, has every child's event, each in its own zone, and the children's own feeds still work", async () => {
    const parent = await makeParent(database.db);
    await addChildFor(database.db, parent.id, { label: "M", ageBy: "group", ageGroup: "8-10" });
    const m = await database.db.child.findFirstOrThrow({ where: { userId: parent.id } });
    await savePlanFor(database.db, parent.id, m.id, { ...cases[0]!.values, calendar: "on" });
    const added = await addChildFor(database.db, parent.id, {
      label: "J",
      ageBy: "group",
      ageGroup: "14-17",
    });
    const k = await database.db.child.create({ data: { userId: parent.id, label: "K", ageGroup: "4-7" } });
    await savePlanFor(database.db, parent.id, k.id, { ...cases[1]!.values, email: "on" });
    expect(await setHouseholdCalendarFor(database.db, parent.id, "on")).toBe("ok");
    const token = (await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).calendarToken!;
    expect(token).toMatch(/^[\w-]{32}$/);

    const ics = await (await feed(token)).text();
    expect(strictProblems(ics)).toEqual([]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.summary)).toEqual([
      "Talk with M about staying safe online",
      "Talk with J about staying safe online",
      "Talk with K about staying safe online",
    ]);
    expect(
      calendar
        .getAllSubcomponents("vevent")
        .map((event) => event.getFirstProperty("dtstart")!.getParameter("tzid")),
    ).toEqual(["Europe/London", "Europe/London", "Australia/Sydney"]);
    expect(ics).toContain("https://talkoften.test/guides/14-17/");
    const parsed = convertIcsCalendar(undefined, ics);
    expect(parsed.events).toHaveLength(3);
    expect(parsed.timezones?.map((zone) => zone.id).sort()).toEqual(["Australia/Sydney", "Europe/London"]);

    // A paused child drops out of the household's feed; each child's own feed keeps working.
    await setPausedFor(database.db, parent.id, k.id, true);
    const after = convertIcsCalendar(undefined, await (await feed(token)).text());
    expect(after.events?.map((event) => event.summary)).toEqual([
      "Talk with M about staying safe online",
      "Talk with J about staying safe online",
    ]);
    const own = await database.db.checkInPlan.findUniqueOrThrow({ where: { childId: added.childId } });
    expect((await feed(own.calendarToken!)).status).toBe(200);

    // Asking again keeps the address; renewing replaces it; turning it off revokes it.
    await setHouseholdCalendarFor(database.db, parent.id, "on");
    expect((await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).calendarToken).toBe(
      token,
    );
    await setHouseholdCalendarFor(database.db, parent.id, "renew");
    expect((await feed(token)).status).toBe(404);
    await setHouseholdCalendarFor(database.db, parent.id, "off");
    expect((await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).calendarToken).toBeNull();
  });
});
