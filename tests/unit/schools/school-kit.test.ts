import jsQR from "jsqr";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { getGuides } from "@/lib/guides/load-guides";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { GUIDE_KINDS, TOPICS } from "@/lib/guides/taxonomy";
import { qrPng, qrSvg } from "@/lib/schools/qr";
import { newsletterHtml, newsletterText, parseSchoolName } from "@/lib/schools/school-kit";
import { ageAliases, contractUrls, MOVED, redirectFor } from "@/lib/guides/url-contract";

function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe("QR codes", () => {
  it.each(AGE_GROUPS.map((g) => `https://talkoften.example/guides/${g.slug}`))(
    "decode back to %s",
    async (url) => {
      expect(decode(await qrPng(url))).toBe(url);
    },
  );

  it("come as SVG too", async () => {
    const svg = await qrSvg("https://talkoften.example/guides/8-10");
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).toContain("<path");
  });
});

describe("the school name on a letter", () => {
  it("is trimmed and kept to one line", () => {
    expect(parseSchoolName("  St Mary's\nPrimary  ")).toEqual({ name: "St Mary's Primary", problem: null });
  });

  it("is at most 80 characters, with a message saying so when longer", () => {
    expect(parseSchoolName("x".repeat(80)).name).toHaveLength(80);
    expect(parseSchoolName("x".repeat(81))).toEqual({
      name: null,
      problem: "The school name can be at most 80 characters.",
    });
  });

  it("is absent when not given or blank, and only the first of repeated values is used", () => {
    expect(parseSchoolName(undefined)).toEqual({ name: null, problem: null });
    expect(parseSchoolName("   ")).toEqual({ name: null, problem: null });
    expect(parseSchoolName(["One", "Two"]).name).toBe("One");
  });

  it("keeps markup as text (React escapes it when the letter is rendered)", () => {
    expect(parseSchoolName("<script>alert(1)</script>").name).toBe("<script>alert(1)</script>");
  });
});

describe("newsletter paragraphs", () => {
  // They say how long the age group's guides take to read: the guides are loaded once, first.
  beforeAll(() => void getGuides(), 60_000);

  it("name the age group and link to its hub, in plain text and HTML", () => {
    const [group] = AGE_GROUPS;
    expect(newsletterText(group)).toMatch(/ages 4 to 7.*\/guides\/4-7$/s);
    expect(newsletterHtml(group)).toMatch(/<a href="http[^"]+\/guides\/4-7">/);
  });

  it("name every topic of the taxonomy", () => {
    const [group] = AGE_GROUPS;
    for (const topic of TOPICS) {
      expect(newsletterText(group)).toContain(topic.phrase);
      expect(newsletterHtml(group)).toContain(topic.phrase);
    }
  });
});

describe("the URL contract", () => {
  it("lists home, the guides, every hub, every guide, the schools kit, about, every letter and the reminder sign-ups", () => {
    const paths = contractUrls().map((u) => u.path);
    const groups = AGE_GROUPS.length;
    // home and /guides, the hubs, every guide, /schools, /about, the letters, /remind and its ages, the embeds
    expect(paths).toHaveLength(
      2 + groups + groups * GUIDE_KINDS.length + 1 + 1 + groups + 1 + groups + groups,
    );
    expect(paths).toContain("/about");
    expect(paths).toContain("/embed/11-13");
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain("/guides/14-17/if-youre-worried");
    expect(paths).toContain("/schools/letter/11-13");
    expect(paths).toContain("/remind/8-10");
    // The year of talks added three topics; the first 20 guides keep their addresses.
    for (const slug of ["pictures-and-bodies", "online-games", "ai-and-fakes"])
      expect(paths).toContain(`/guides/4-7/${slug}`);
    for (const slug of [
      "healthy-relationships",
      "fake-identities",
      "live-streaming",
      "start-talking",
      "if-youre-worried",
    ])
      expect(paths).toContain(`/guides/14-17/${slug}`);
  });

  it("sends age aliases, capitals and trailing slashes to canonical URLs, and nothing else anywhere", () => {
    expect(redirectFor("/8-10")).toBe("/guides/8-10");
    expect(redirectFor("/guides/ages-14-17")).toBe("/guides/14-17");
    expect(redirectFor("/GUIDES/4-7/")).toBe("/guides/4-7");
    expect(redirectFor("/Schools/Letter/8-10")).toBe("/schools/letter/8-10");
    expect(redirectFor("/guides/8-10")).toBeNull();
    expect(redirectFor("/guides/9-11")).toBeNull();
    expect(Object.keys(ageAliases())).toHaveLength(12);
    for (const [from, to] of Object.entries(MOVED))
      expect(
        contractUrls().map((u) => u.path),
        from,
      ).toContain(to);
  });
});
