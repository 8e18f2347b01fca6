// School terms by the date in London: autumn (September to December), spring (January to March),
// summer (April to August).
import { describe, expect, it } from "vitest";
import { previousTerm, termLabel, termOf, termRange } from "@/lib/schools/school-terms";

describe("school terms", () => {
  it("place an instant by the date in London, not in UTC", () => {
    expect(termOf(new Date("2026-11-29T12:00:00Z"))).toBe("2026-autumn");
    expect(termOf(new Date("2027-01-01T00:30:00Z"))).toBe("2027-spring");
    // 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time): the summer term.
    expect(termOf(new Date("2027-03-31T23:30:00Z"))).toBe("2027-summer");
    expect(termOf(new Date("2027-03-31T22:30:00Z"))).toBe("2027-spring");
    expect(termOf(new Date("2026-08-31T22:59:00Z"))).toBe("2026-summer");
    expect(termOf(new Date("2026-08-31T23:00:00Z"))).toBe("2026-autumn");
  });

  it("go back one at a time, across the new year", () => {
    expect(previousTerm("2027-spring")).toBe("2026-autumn");
    expect(previousTerm("2026-autumn")).toBe("2026-summer");
    expect(previousTerm("2026-summer")).toBe("2026-spring");
  });

  it("start at midnight in London and end where the next begins", () => {
    expect(termRange("2026-autumn")).toEqual({
      from: new Date("2026-08-31T23:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
    expect(termRange("2027-spring").to).toEqual(termRange("2027-summer").from);
    expect(termLabel("2027-spring")).toBe("Spring term 2027");
  });

  it("cover every instant once: each falls inside the range of its own term", () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const instant = new Date(t);
      const { from, to } = termRange(termOf(instant));
      expect(from <= instant && instant < to).toBe(true);
    }
  });
});
