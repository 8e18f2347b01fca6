import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { describe, expect, it } from "vitest";
import { calendarKnowsZone, canonicalTimeZone } from "@/lib/reminders/time-zones";
import { COMMON_TIME_ZONES, OTHER_TIME_ZONE } from "@/lib/reminders/common-time-zones";
import { planSchema } from "@/lib/reminders/plan-schema";

describe("canonicalTimeZone", () => {
  it("stores a zone in its IANA spelling, whatever the case it was written in", () => {
    expect(canonicalTimeZone("eUrOpE/lOnDoN")).toBe("Europe/London");
    expect(canonicalTimeZone("america/argentina/buenos_aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
  });

  it("refuses what is not a time zone", () => {
    for (const name of ["", "Europe/Nowhere", "Romance Standard Time", "../etc/passwd", "x".repeat(100)])
      expect(canonicalTimeZone(name), name).toBeNull();
  });

  it("gives every zone this runtime offers one spelling, with a VTIMEZONE wherever the zone files have it", () => {
    const problems: string[] = [];
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const canonical = canonicalTimeZone(zone);
      for (const written of [zone.toLowerCase(), zone.toUpperCase()])
        if (canonicalTimeZone(written) !== canonical)
          problems.push(`${written} → ${canonicalTimeZone(written)}`);
      if (!canonical) problems.push(`${zone} → null`);
      else if (calendarKnowsZone(canonical) !== (getVtimezoneComponent(canonical) !== null))
        problems.push(`${canonical}: calendarKnowsZone says ${calendarKnowsZone(canonical)}`);
    }
    expect(problems).toEqual([]);
    // Only zones newer than the zone files have none.
    const without = Intl.supportedValuesOf("timeZone").filter(
      (zone) => !calendarKnowsZone(canonicalTimeZone(zone)!),
    );
    expect(without.length).toBeLessThan(5);
  });
});

describe("the plan forms' list of time zones", () => {
  it("has about 60 zones, each stored as listed and known to calendar apps", () => {
    expect(COMMON_TIME_ZONES.length).toBeGreaterThanOrEqual(55);
    expect(new Set(COMMON_TIME_ZONES).size).toBe(COMMON_TIME_ZONES.length);
    const problems = COMMON_TIME_ZONES.filter(
      (zone) => canonicalTimeZone(zone) !== zone || !calendarKnowsZone(zone),
    );
    expect(problems).toEqual([]);
  });

  it('takes the typed zone when the list says "Another time zone…"', () => {
    const plan = { ruleKind: "LAST_DAY", localTime: "19:00", email: "on" };
    const other = planSchema.safeParse({
      ...plan,
      timeZone: OTHER_TIME_ZONE,
      timeZoneOther: "asia/kathmandu",
    });
    expect(other.success && other.data.timeZone).toBe("Asia/Kathmandu");
    const listed = planSchema.safeParse({
      ...plan,
      timeZone: "Europe/Paris",
      timeZoneOther: "Asia/Kathmandu",
    });
    expect(listed.success && listed.data.timeZone).toBe("Europe/Paris");
    const empty = planSchema.safeParse({ ...plan, timeZone: OTHER_TIME_ZONE });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.path.join("."))).toEqual(["timeZone"]);
  });
});
