import { describe, expect, it } from "vitest";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";
import { buildIndex, loadIndex, search, searchDocuments, snippet } from "@/lib/guides/search-index";

const guides = getGuides();
const index = buildIndex(searchDocuments(guides));

describe("guide search", () => {
  it("finds a guide by a phrase from its body, from the prebuilt (serialised) index", () => {
    const guide = guides.find((g) => g.file === "content/8-10/live-streaming.mdx")!;
    const phrase = guide.sentences
      .find((s) => s.split(" ").length > 8)!
      .split(" ")
      .slice(0, 6)
      .join(" ");
    const prebuilt = loadIndex(JSON.stringify(index));
    const hits = search(prebuilt, phrase);
    expect(hits.map((h) => h.path)).toContain(guide.path);
    expect(hits[0]!.path).toBe(guide.path);
  });

  it("ranks guides about the words searched for first", () => {
    const hits = search(index, "live streaming");
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.slice(0, 4).every((h) => h.path.endsWith("/live-streaming"))).toBe(true);
  });

  it("finds the guides of the topics added for a year of talks", () => {
    expect(guides).toHaveLength(AGE_GROUPS.length * GUIDE_KINDS.length);
    const paths = (query: string) =>
      search(index, query)
        .slice(0, 4)
        .map((h) => h.path);
    expect(paths("chatbot").some((p) => p.endsWith("/ai-and-fakes"))).toBe(true);
    expect(paths("PANTS")).toContain("/guides/4-7/pictures-and-bodies");
    expect(paths("voice chat friend requests").some((p) => p.endsWith("/online-games"))).toBe(true);
  });

  it("marks the matched words in the excerpt", () => {
    const [hit] = search(index, "game points");
    const marked = hit!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.startsWith("game") || word.startsWith("point"))).toBe(true);
  });

  it("falls back to any word when no guide has them all, and finds nothing for nonsense", () => {
    expect(search(index, "grooming zzyzx").length).toBeGreaterThan(0);
    expect(search(index, "qwxzv")).toEqual([]);
    expect(search(index, "   ")).toEqual([]);
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
