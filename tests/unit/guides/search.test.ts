import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides, type Guide } from "@/lib/guides/load-guides";
import { guideSearch, searchPayload } from "@/lib/guides/search-guides";
import { guideSearchFrom, searchGuides, snippet } from "@/lib/guides/search-index";
import { searchTermsOf } from "@/lib/guides/search-terms";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";
import queries from "../../fixtures/parent-queries.json";

const guides = getGuides();

/** Six words from the guide's body, four or more of which search uses (not "Many 8 to 10 year olds"). */
function phraseOf(guide: Guide): string {
  const phrases = guide.sentences.map((sentence) => sentence.split(" ").slice(0, 6).join(" "));
  return phrases.find((phrase) => searchTermsOf(phrase).length >= 4)!;
}
const server = guideSearch();
const paths = (query: string, count = 4) =>
  searchGuides(server, query)
    .hits.slice(0, count)
    .map((h) => h.path);

describe("guide search", () => {
  it("finds a guide by a phrase from its body", () => {
    for (const file of ["content/8-10/live-streaming.mdx", "content/14-17/healthy-relationships.mdx"]) {
      const guide = guides.find((g) => g.file === file)!;
      const phrase = phraseOf(guide);
      expect(paths(phrase, 1), phrase).toEqual([guide.path]);
    }
  });

  it("searches in the browser, from /search-index.json, as the server does, for every parent query", () => {
    const browser = guideSearchFrom(JSON.parse(JSON.stringify(searchPayload())));
    for (const { query } of queries)
      expect(searchGuides(browser, query), query).toEqual(searchGuides(server, query));
  });

  it("ranks guides about the words searched for first", () => {
    const hits = searchGuides(server, "live streaming").hits;
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.slice(0, 4).every((h) => h.path.endsWith("/live-streaming"))).toBe(true);
  });

  it("finds the guides of every topic", () => {
    expect(guides).toHaveLength(AGE_GROUPS.length * GUIDE_KINDS.length);
    expect(paths("chatbot").some((p) => p.endsWith("/ai-and-fakes"))).toBe(true);
    expect(paths("PANTS")).toContain("/guides/4-7/pictures-and-bodies");
    expect(paths("voice chat friend requests").some((p) => p.endsWith("/online-games"))).toBe(true);
    expect(paths("group chats that turn nasty").some((p) => p.endsWith("/online-bullying"))).toBe(true);
    expect(paths("consent").some((p) => p.endsWith("/sexual-content"))).toBe(true);
    expect(paths("sleep").some((p) => p.endsWith("/screen-time"))).toBe(true);
  });

  it("leaves out common words: 'son' matches no 'songs', and a sentence of common words finds where to start", () => {
    for (const query of ["son", "my son is"]) {
      const { hits } = searchGuides(server, query);
      expect(hits[0]!.path, query).toMatch(/\/start-talking$/);
      expect(
        hits.flatMap((hit) => hit.snippet.filter((part) => part.match)),
        query,
      ).toEqual([]);
    }
  });

  it("puts guides for the age a sentence names first", () => {
    expect(searchGuides(server, "my 9 year old plays roblox").ageGroups).toEqual(["8-10"]);
    expect(
      searchGuides(server, "teenager")
        .hits.slice(0, 4)
        .every((h) => h.ageGroup === "14-17"),
    ).toBe(true);
    expect(searchGuides(server, "son is 15 and games").hits[0]!.ageGroup).toBe("14-17");
    expect(searchGuides(server, "year 7 group chat").hits[0]!.ageGroup).toBe("11-13");
  });

  it("marks the matched words in the excerpt, in any of their forms", () => {
    const [hit] = searchGuides(server, "game points").hits;
    const marked = hit!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.startsWith("gam") || word.startsWith("point"))).toBe(true);
    const bullied = snippet("Some children are bullied online, and bullies hide.", ["bulli"]);
    expect(bullied.filter((part) => part.match).map((part) => part.text)).toEqual(["bullied", "bullies"]);
  });

  it("falls back to any word when no guide has them all, and finds nothing for nonsense", () => {
    expect(searchGuides(server, "grooming zzyzx").hits.length).toBeGreaterThan(0);
    expect(searchGuides(server, "qwxzv").hits).toEqual([]);
    expect(searchGuides(server, "   ")).toEqual({ hits: [], crisis: false, ageGroups: [] });
  });

  it("answers anything typed with guides or none, never an exception", () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ minLength: 1000, maxLength: 3000 }),
      fc
        .array(
          fc.constantFrom("my", "son", "9", "year", "old", "blackmail", "nudes", "roblox", "(", "[", "*"),
          {
            maxLength: 12,
          },
        )
        .map((words) => words.join(" ")),
    );
    fc.assert(
      fc.property(typed, (query) => {
        const outcome = searchGuides(server, query);
        expect(outcome.hits.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });

  it("cuts excerpts at word boundaries around the first match", () => {
    const text = `${"word ".repeat(60)}target here ${"more ".repeat(60)}`;
    const parts = snippet(text, ["target"]);
    const joined = parts.map((p) => p.text).join("");
    expect(joined.startsWith("…word")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(parts.find((p) => p.match)?.text).toBe("target");
  });
});
