// The guides on schools' own websites: Atom feeds read back by a real feed parser
// (@rowanmanning/feed-parser), and the embeddable block.
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides, type Guide } from "@/lib/guides/load-guides";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";
import { atomFeed, EMBED_POLICY, embedHtml } from "@/lib/schools/guide-feeds";

const appUrl = "https://talkoften.example";
const guides = getGuides();

describe("the Atom feeds", () => {
  it("list one age group's guides with title, summary, link and last-reviewed date (RFC 4287's required elements)", () => {
    const eight = guides.filter((guide) => guide.ageGroup === "8-10");
    const xml = atomFeed({
      appUrl,
      path: "/guides/8-10/feed.xml",
      title: "Talk Often: guides for ages 8 to 10",
      guides: eight,
    });
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Talk Often: guides for ages 8 to 10");
    expect(feed.self).toBe(`${appUrl}/guides/8-10/feed.xml`);
    expect(feed.url).toBe(`${appUrl}/guides/8-10`);
    expect(feed.updated).toBeInstanceOf(Date);
    expect(feed.authors.map((a) => a.name)).toEqual(["Talk Often"]);
    expect(feed.items).toHaveLength(GUIDE_KINDS.length);
    for (const item of feed.items) {
      const guide = eight.find((g) => `${appUrl}${g.path}` === item.url)!;
      expect(guide).toBeDefined();
      expect(item.id).toBe(item.url);
      expect(item.title).toBe(guide.frontMatter.title);
      expect(item.description).toBe(guide.frontMatter.description);
      expect(item.updated?.toISOString().slice(0, 10)).toBe(guide.frontMatter.lastReviewed);
    }
    // Atom requires an id, a title and an updated date on the feed and on every entry.
    for (const element of ["id", "title", "updated"]) {
      expect(xml.match(new RegExp(`<${element}>`, "g"))).toHaveLength(1 + GUIDE_KINDS.length);
    }
  });

  it("has every guide in the feed for all, and escapes what XML needs escaped", () => {
    expect(
      parseFeed(atomFeed({ appUrl, path: "/guides/feed.xml", title: "All", guides })).items,
    ).toHaveLength(AGE_GROUPS.length * GUIDE_KINDS.length);
    const tricky: Guide = {
      ...guides[0]!,
      frontMatter: {
        ...guides[0]!.frontMatter,
        title: 'Games & "friends" <online>',
        description: "Coins & skins",
      },
    };
    const feed = parseFeed(atomFeed({ appUrl, path: "/guides/feed.xml", title: "All", guides: [tricky] }));
    expect(feed.items[0]!.title).toBe('Games & "friends" <online>');
    expect(feed.items[0]!.description).toBe("Coins & skins");
  });
});

describe("the embeddable block", () => {
  it("lists the age group's guides and the reminder invitation, with links that open in the top window and no script", () => {
    const group = AGE_GROUPS[2];
    const own = guides.filter((guide) => guide.ageGroup === group.slug);
    const html = embedHtml({ appUrl, group, guides: own });
    for (const guide of own) {
      expect(html).toContain(`<a href="${appUrl}${guide.path}" target="_top">`);
      expect(html).toContain(guide.frontMatter.description.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
    }
    expect(html).toContain(`href="${appUrl}/remind/11-13" target="_top"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("prefers-color-scheme: dark");
    expect(EMBED_POLICY).toContain("frame-ancestors *");
    expect(EMBED_POLICY).toContain("default-src 'none'");
  });
});
