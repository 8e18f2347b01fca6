import { describe, expect, it } from "vitest";
import {
  readingMinutes,
  readingTimeRange,
  readingTimeText,
  WORDS_PER_MINUTE,
  wordCount,
} from "@/lib/guides/reading-time";

const words = (n: number) => ({ sentences: [Array.from({ length: n }, (_, i) => `word${i}`).join(" ")] });

describe("a guide's reading time", () => {
  it("counts the words a parent reads, not punctuation or dashes", () => {
    expect(wordCount({ sentences: ["What would you do? – Tell me.", "“Yes”, they said."] })).toBe(9);
  });

  it("is whole minutes at 200 words a minute, rounded up, and never 0", () => {
    expect(WORDS_PER_MINUTE).toBe(200);
    expect(readingMinutes(words(1))).toBe(1);
    expect(readingMinutes(words(200))).toBe(1);
    expect(readingMinutes(words(201))).toBe(2);
    expect(readingMinutes(words(1281))).toBe(7);
    expect(readingTimeText(words(1000))).toBe("about 5 minutes");
    expect(readingTimeText(words(50))).toBe("about 1 minute");
  });

  it("reads as a range for a set of guides, or one figure when they agree", () => {
    expect(readingTimeRange([words(500), words(1100), words(700)])).toBe("3 to 6 minutes");
    expect(readingTimeRange([words(900), words(1000)])).toBe("5 minutes");
  });
});
