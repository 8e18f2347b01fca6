// School codes: random, 6 characters without look-alike letters, read as people type them.
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, newSchoolCode, readSchoolCode } from "@/lib/schools/school-code";

describe("a school code", () => {
  it("is 6 characters of the alphabet, with no I, L or O, and differs each time", () => {
    const codes = Array.from({ length: 2000 }, newSchoolCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z0-9]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(CODE_ALPHABET).not.toMatch(/[ILO]/);
    // Every character turns up: nothing about a code is predictable from another.
    expect(new Set(codes.join("")).size).toBe(CODE_ALPHABET.length);
  });

  it("is read in any case, with spaces or dashes, and O for 0, I or L for 1", () => {
    expect(readSchoolCode("k7m2q9")).toBe("K7M2Q9");
    expect(readSchoolCode(" K7M-2Q9 ")).toBe("K7M2Q9");
    expect(readSchoolCode("AB0O1I")).toBe("AB0011");
    expect(readSchoolCode("ab1l00")).toBe("AB1100");
    expect(readSchoolCode("K7M2Q")).toBeNull();
    expect(readSchoolCode("K7M2Q9X")).toBeNull();
    expect(readSchoolCode("K7M2Q!")).toBeNull();
    expect(readSchoolCode("")).toBeNull();
  });
});
