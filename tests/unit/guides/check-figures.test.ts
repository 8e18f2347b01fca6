import { describe, expect, it } from "vitest";
import { checkFigures, figuresIn, hasSource } from "@/lib/guides/check-figures";
import { ContentError, loadGuides } from "@/lib/guides/load-guides";
import { contentWith } from "../../helpers/content-fixture";

const ARRESTS = {
  claim: "In one week in October 2017 police arrested 192 people and safeguarded 245 children",
  source: "https://www.itv.com/news/",
};

describe("finding the figures in a guide's text", () => {
  it.each([
    ["In one week in 2017, police arrested 192 people and 245 children were kept safe.", ["192", "245"]],
    ["In one survey, 84% of parents said they were alert. More than 30% had not talked.", ["84%", "30%"]],
    ['"I\'ll send you 1,000 coins if you..."', ["1,000"]],
    ["Some go from first contact to blackmail in under 45 minutes.", ["45"]],
    ["Over 100 people watched.", ["100"]],
  ])("counts %j as figures", (text, figures) => {
    expect(figuresIn(text)).toEqual(figures);
  });

  it.each([
    "Call Childline on 0800 1111, or the NSPCC on 0808 800 5000. In an emergency call 999, or 101 if it is not.",
    "Samaritans are on 116 123, and NHS 111 gives urgent help.",
    "In 2017 and again in 2024 the police warned parents.",
    "Many 8 to 10 year olds play games. A 13-year-old, or someone aged 14 to 18, or 14-18.",
    "Most apps are for 13 and over, some for 16 or older, and some for 13+.",
    "Under-16s need permission; TikTok lets people go live from 18, and apps say you must be 13.",
    'If a player says "I\'m 10 too", or they\'re 9, or "you\'re more mature than 12", or they were 12 too.',
    "Lots of children in Year 7 and Year 8 use them. By 14, most teens have a phone.",
    "See all the guides on the 4 to 7 page.",
  ])("does not count phone numbers, years or ages in %j", (text) => {
    expect(figuresIn(text)).toEqual([]);
  });
});

describe("matching a figure to its source", () => {
  it("finds the figure in a claim, with or without its thousands comma", () => {
    expect(hasSource("192", [ARRESTS])).toBe(true);
    expect(hasSource("1,000", [{ claim: "1000 reports", source: "https://x.org/" }])).toBe(true);
    expect(hasSource("19", [ARRESTS])).toBe(false);
    expect(hasSource("84%", [ARRESTS])).toBe(false);
  });

  it("names the line and the figure that has no source", () => {
    expect(
      checkFigures(
        [{ text: "Police arrested 192 people, and 84% of parents felt alert.", line: 28 }],
        [ARRESTS],
      ),
    ).toEqual([
      'line 28: the figure 84% has no source; add a front-matter "claims" entry that states it, with its source',
    ]);
  });
});

describe("a guide with a figure but no source fails the content check", () => {
  const file = "14-17/start-talking.mdx";

  it("refuses the 2017 survey figures without a claims entry, naming the file and the line", () => {
    let broken = "";
    const dir = contentWith(file, (source) => {
      broken = source.replace("most parents said they felt alert", "84% of parents said they felt alert");
      return broken;
    });
    const line = broken.slice(0, broken.indexOf("In a National Crime Agency survey")).split("\n").length;
    let problems: string[] = [];
    try {
      loadGuides(dir);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      `content/${file}: line ${line}: the figure 84% has no source; add a front-matter "claims" entry that states it, with its source`,
    ]);
  });

  it("accepts the figure once a claim states it, with the url of one of the guide's sources", () => {
    const dir = contentWith(file, (source) =>
      source
        .replace("most parents said they felt alert", "84% of parents said they felt alert")
        .replace(
          "\nclaims:\n",
          `\nclaims:\n  - claim: "84% of parents believed they were alert to the dangers"\n    source: https://www.thinkuknow.co.uk/parents/\n`,
        ),
    );
    expect(() => loadGuides(dir)).not.toThrow();
  });

  it("refuses a claim whose source is not one of the guide's sources", () => {
    const dir = contentWith(file, (source) =>
      source.replace("\nclaims:\n", `\nclaims:\n  - claim: "A law"\n    source: https://example.org/law\n`),
    );
    expect(() => loadGuides(dir)).toThrow(
      `content/${file}: front matter "claims.0.source" must be the url of one of the guide's sources`,
    );
  });
});
