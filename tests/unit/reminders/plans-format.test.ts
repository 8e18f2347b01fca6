// Dates as parents read them, in the zone asked for (the formatters are kept, one per zone).
import { describe, expect, it } from "vitest";
import { formatDay, formatLocal } from "@/lib/reminders/plans";

describe("formatDay and formatLocal", () => {
  const instant = new Date("2026-03-03T23:30:00Z");

  it("format a day in the zone asked for, each zone its own", () => {
    expect(formatDay(instant, "Europe/London")).toBe("3 March 2026");
    expect(formatDay(instant, "Pacific/Auckland")).toBe("4 March 2026");
    expect(formatDay(instant, "Europe/London")).toBe("3 March 2026");
    expect(formatDay(instant, "UTC")).toBe("3 March 2026");
  });

  it("format a moment with its weekday, time and zone", () => {
    expect(formatLocal(instant, "Europe/London")).toBe("Tuesday, 3 March 2026 at 23:30 GMT");
    expect(formatLocal(instant, "Asia/Kolkata")).toBe("Wednesday, 4 March 2026 at 05:00 GMT+5:30");
    // a day and a moment in the same zone do not share a formatter
    expect(formatDay(instant, "Asia/Kolkata")).toBe("4 March 2026");
  });
});
