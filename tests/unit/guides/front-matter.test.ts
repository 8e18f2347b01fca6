import { describe, expect, it } from "vitest";
import { checkFrontMatter } from "@/lib/guides/front-matter";

const valid = {
  title: "Talking about live streaming with 8 to 10 year olds",
  description: "What to say about live streaming.",
  ageGroup: "8-10",
  topic: "live-streaming",
  lastReviewed: "2026-11-29",
  sources: [
    { title: "Live streaming", publisher: "CEOP", url: "https://www.thinkuknow.co.uk/parents/" },
    {
      title: "Online safety",
      publisher: "NSPCC",
      url: "https://www.nspcc.org.uk/keeping-children-safe/online-safety/",
    },
  ],
};

function problems(change: Record<string, unknown>) {
  const result = checkFrontMatter({ ...valid, ...change });
  return result.ok ? [] : result.problems;
}

describe("the guide front-matter schema", () => {
  it("accepts a complete front matter, and a YAML date for lastReviewed", () => {
    expect(checkFrontMatter(valid).ok).toBe(true);
    expect(checkFrontMatter({ ...valid, lastReviewed: new Date("2026-11-29T00:00:00Z") }).ok).toBe(true);
  });

  it.each([
    [{ title: undefined }, 'front matter "title" is required'],
    [{ title: "  " }, 'front matter "title" is required'],
    [{ description: "x".repeat(161) }, 'front matter "description" must be at most 160 characters'],
    [{ ageGroup: "5-8" }, 'front matter "ageGroup" must be one of 4-7, 8-10, 11-13, 14-17'],
    [{ topic: "cyberbullying" }, 'front matter "topic" must be one of healthy-relationships'],
    [{ lastReviewed: "29/11/2026" }, 'front matter "lastReviewed" must be a date written as YYYY-MM-DD'],
    [{ lastReviewed: "2026-02-30" }, 'front matter "lastReviewed" is not a real date'],
    [{ sources: [valid.sources[0]] }, 'front matter "sources" must list at least two sources'],
    [{ sources: "NSPCC" }, 'front matter "sources" must be a list of sources'],
    [
      { sources: [valid.sources[0], { ...valid.sources[1], url: "http://www.nspcc.org.uk/" }] },
      'front matter "sources.1.url" must start with https://',
    ],
    [
      { sources: [valid.sources[0], { ...valid.sources[1], publisher: undefined }] },
      'front matter "sources.1.publisher" is required',
    ],
    [{ author: "Sam" }, "front matter has unknown field(s): author"],
    [{ claims: [{ claim: "", source: valid.sources[0]!.url }] }, 'front matter "claims.0.claim" is required'],
    [{ claims: [{ claim: "A law" }] }, 'front matter "claims.0.source" is required'],
    [
      { claims: [{ claim: "A law", source: "https://example.org/" }] },
      'front matter "claims.0.source" must be the url of one of the guide\'s sources',
    ],
  ])("rejects %j with a message naming the field", (change, message) => {
    const found = problems(change);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it("accepts claims whose source is one of the guide's sources, and none at all", () => {
    const claims = [{ claim: "192 arrests in one week of 2017", source: valid.sources[1]!.url }];
    const result = checkFrontMatter({ ...valid, claims });
    expect(result.ok && result.value.claims).toEqual(claims);
    expect(checkFrontMatter(valid).ok && checkFrontMatter(valid)).toMatchObject({ value: { claims: [] } });
  });

  it("asks for front matter when there is none", () => {
    const result = checkFrontMatter(undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/must be YAML between --- lines/);
  });
});
