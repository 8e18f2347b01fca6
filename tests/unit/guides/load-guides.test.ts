import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { MIN_STARTERS, getGuides, loadGuides, sitePaths } from "@/lib/guides/load-guides";
import { MIN_READING_EASE, readingEase } from "@/lib/guides/readability";
import { GUIDE_SLUGS, isTopic } from "@/lib/guides/taxonomy";
import { contentWith, setFrontMatter, rejectedFor } from "../../helpers/content-fixture";

const guides = getGuides();

describe("the guides in content/", () => {
  it("are all there: five for each of the four age groups", () => {
    expect(guides).toHaveLength(AGE_GROUPS.length * GUIDE_SLUGS.length);
    for (const group of AGE_GROUPS) {
      expect(
        guides
          .filter((g) => g.ageGroup === group.slug)
          .map((g) => g.slug)
          .sort(),
      ).toEqual([...GUIDE_SLUGS].sort());
    }
  });

  describe.each(guides.map((guide) => [guide.file, guide] as const))("%s", (_file, guide) => {
    it(`scores at least ${MIN_READING_EASE} on Flesch reading ease`, () => {
      expect(readingEase(guide.sentences)).toBeGreaterThanOrEqual(MIN_READING_EASE);
    });

    it("ends with the help routes", () => {
      expect(guide.body.trimEnd()).toMatch(/<HelpRoutes\s*\/>$/);
    });

    if (isTopic(guide.slug) || guide.slug === "start-talking") {
      it(`has at least ${MIN_STARTERS} conversation starters`, () => {
        expect(guide.starters.length).toBeGreaterThanOrEqual(MIN_STARTERS);
      });
    }

    if (isTopic(guide.slug)) {
      it("has concrete privacy-settings advice among the things to do together", () => {
        const privacy = guide.activities.find((a) => /privacy/i.test(`${a.title} ${a.text}`));
        expect(privacy?.text.split(/\s+/).length).toBeGreaterThan(25);
      });
    }

    it("has a description short enough for search results", () => {
      expect(guide.frontMatter.description.length).toBeLessThanOrEqual(160);
    });
  });

  it("share no conversation starter between two guides", () => {
    const seen = new Map<string, string>();
    for (const guide of guides) {
      for (const starter of guide.starters) {
        const key = starter
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, " ")
          .trim();
        expect(seen.get(key), `"${starter}" in ${guide.file}`).toBeUndefined();
        seen.set(key, guide.file);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it("link only to pages that exist", () => {
    const paths = sitePaths();
    const links = guides.flatMap((guide) => guide.internalLinks.map((link) => [guide.file, link] as const));
    expect(links.length).toBeGreaterThan(0);
    for (const [file, link] of links)
      expect(paths.has(link.split(/[?#]/)[0]!), `${link} in ${file}`).toBe(true);
  });

  it("give every age group the same always-tell signs, in its fake-identities and start-talking guides", () => {
    const signs = [
      /photo|picture|nude/i, // asked for pictures or to go on camera
      /camera/i,
      /secret/i,
      /where (?:they|you) live/i,
      /gift|present|coins|money/i,
      /meet/i,
    ];
    for (const guide of guides.filter((g) => g.slug === "fake-identities" || g.slug === "start-talking")) {
      const text = guide.sentences.join(" ");
      const list = text.slice(text.indexOf("Always tell"));
      expect(text, guide.file).toContain("Always tell");
      for (const sign of signs) expect(list.slice(0, 700), `${guide.file}: ${sign}`).toMatch(sign);
    }
  });

  it("never tell parents to take screenshots without warning them off anything that shows nudity", () => {
    for (const guide of guides) {
      for (const sentence of guide.body.split(/\n\s*\n|<\/?Step[^>]*>|<\/?Activity[^>]*>/)) {
        if (/take (?:a |the )?screenshots?|screenshot the/i.test(sentence))
          expect(sentence, `${guide.file}: ${sentence.trim().slice(0, 80)}`).toMatch(/nud/i);
      }
    }
  });

  it("keep every sentence to 30 words or fewer", () => {
    const bySentence = new Intl.Segmenter("en-GB", { granularity: "sentence" });
    const byWord = new Intl.Segmenter("en-GB", { granularity: "word" });
    for (const guide of guides) {
      for (const block of guide.sentences) {
        for (const { segment } of bySentence.segment(block)) {
          const words = [...byWord.segment(segment)].filter((w) => w.isWordLike).length;
          expect(words, `${guide.file}: "${segment.slice(0, 80)}…"`).toBeLessThanOrEqual(30);
        }
      }
    }
  });

  it("tell parents to call 999 when a child is in danger now", () => {
    for (const guide of guides.filter((g) => g.slug === "if-youre-worried")) {
      expect(guide.sentences.join(" ")).toMatch(/999/);
    }
  });
});

describe("a broken guide fails the content check, naming the file and the field", () => {
  const file = "8-10/live-streaming.mdx";
  const named = `content/${file}`;

  it("bad front matter", () => {
    const problems = rejectedFor(file, (s) => setFrontMatter(s, "description", "x".repeat(200)));
    expect(problems).toEqual([`${named}: front matter "description" must be at most 160 characters`]);
  });

  it("front matter that disagrees with the file's place", () => {
    expect(rejectedFor(file, (s) => setFrontMatter(s, "ageGroup", "11-13"))).toEqual([
      `${named}: front matter "ageGroup" is 11-13 but the file is in 8-10/`,
    ]);
  });

  it("front matter that is not YAML", () => {
    expect(rejectedFor(file, (s) => setFrontMatter(s, "title", "Live: streaming: now"))[0]).toMatch(
      new RegExp(`^${named}: front matter is not valid YAML`),
    );
  });

  it("an unknown component", () => {
    const problems = rejectedFor(file, (s) =>
      s.replace("<ListenFor>", "<Warning>Careful.</Warning>\n\n<ListenFor>"),
    );
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${named}: unknown component <Warning> at line \\d+`)),
    ]);
  });

  it("a broken internal link", () => {
    const problems = rejectedFor(file, (s) =>
      s.replace("</WhyItMatters>", "See [our old page](/guides/8-10/gaming).\n</WhyItMatters>"),
    );
    expect(problems).toEqual([`${named}: link to "/guides/8-10/gaming" leads to no page`]);
  });

  it("too few starters", () => {
    const problems = rejectedFor(file, (s) =>
      s.replace(/<Starter>[\s\S]*?<\/Starter>\s*/g, (m, offset: number) => (offset % 2 ? "" : m)),
    );
    expect(problems.some((p) => p.startsWith(`${named}: needs at least 6 <Starter>s`))).toBe(true);
  });

  it("a starter copied from another guide", () => {
    const other = guides.find((g) => g.file === "content/11-13/live-streaming.mdx")!.starters[0]!;
    const problems = rejectedFor(file, (s) =>
      s.replace("<Starter>", `<Starter>${other}</Starter>\n  <Starter>`),
    );
    expect(problems).toEqual([`${named}: starter "${other}" is also in content/11-13/live-streaming.mdx`]);
  });

  it("a missing help-routes ending", () => {
    expect(rejectedFor(file, (s) => s.replace("<HelpRoutes />", ""))).toContain(
      `${named}: must end with <HelpRoutes />`,
    );
  });

  it("a missing guide", () => {
    const dir = contentWith(file, (s) => s);
    rmSync(`${dir}/8-10/start-talking.mdx`);
    expect(() => loadGuides(dir)).toThrow(
      "content/8-10/start-talking.mdx: missing (every age group needs this guide)",
    );
  });
});
