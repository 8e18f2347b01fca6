// The words schools send under their own name (the letter home, the newsletter paragraph, the embedded
// block) and the home page name the topics as the taxonomy has them now: every topic, and no count or
// list that differs (the letter once said "Three things to talk about" above six topics). They promise
// no reading time the guides do not keep.
import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import HomePage from "@/app/(site)/page";
import { LetterBody } from "@/components/schools/letter-body";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides, type Guide } from "@/lib/guides/load-guides";
import { readingTimeRange } from "@/lib/guides/reading-time";
import { TOPICS, topicsInWords } from "@/lib/guides/taxonomy";
import { embedHtml } from "@/lib/schools/guide-feeds";
import { newsletterHtml, newsletterText } from "@/lib/schools/school-kit";

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
};

/** Every "<number> topics / things / subjects" in a text, as numbers. */
function topicCountsNamed(text: string): number[] {
  const pattern = new RegExp(
    `\\b(${Object.keys(NUMBERS).join("|")}|\\d+)\\s+(?:\\w+\\s+)?(topics?|things|subjects)\\b`,
    "gi",
  );
  return [...text.matchAll(pattern)].map((match) => NUMBERS[match[1]!.toLowerCase()] ?? Number(match[1]));
}

/** The text of a React tree as it renders, without running its components (a QR code is async). */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return ` ${textOf(node.props.children)} `;
  return "";
}

const squash = (text: string) => text.replace(/&#x27;|&apos;/g, "'").replace(/\s+/g, " ");

let guides: Guide[];
let texts: { name: string; text: string; topics: "phrases" | "titles" | "links" }[];

beforeAll(() => {
  guides = getGuides();
  texts = [
    { name: "home page", text: squash(textOf(HomePage())), topics: "phrases" },
    ...AGE_GROUPS.flatMap((group) => [
      {
        name: `newsletter text ${group.slug}`,
        text: squash(newsletterText(group)),
        topics: "phrases" as const,
      },
      {
        name: `newsletter HTML ${group.slug}`,
        text: squash(newsletterHtml(group)),
        topics: "phrases" as const,
      },
      {
        name: `letter ${group.slug}`,
        text: squash(
          textOf(LetterBody({ group, schoolName: "Hillside", remind: "https://x.example/remind" })),
        ),
        topics: "titles" as const,
      },
      {
        name: `embed ${group.slug}`,
        text: embedHtml({
          appUrl: "https://x.example",
          group,
          guides: guides.filter((guide) => guide.ageGroup === group.slug),
        }),
        topics: "links" as const,
      },
    ]),
  ];
}, 60_000);

describe("the words schools send, and the home page", () => {
  it("finds a count of topics that is wrong (the test can fail)", () => {
    expect(topicCountsNamed("Three things to talk about")).toEqual([3]);
    expect(topicCountsNamed("The guides cover 3 topics: a, b and c.")).toEqual([3]);
    expect(topicCountsNamed("six big topics")).toEqual([6]);
    expect(topicCountsNamed("what to say about live streaming")).toEqual([]);
  });

  it("name no count of topics other than the taxonomy's", () => {
    for (const { name, text } of texts)
      for (const count of topicCountsNamed(text)) expect(count, `${name}: "${text}"`).toBe(TOPICS.length);
  });

  it("name every topic in the taxonomy, in the taxonomy's words", () => {
    for (const { name, text, topics } of texts) {
      if (topics === "phrases") expect(text, name).toContain(topicsInWords());
      for (const topic of TOPICS) {
        if (topics === "titles") expect(text, name).toContain(topic.title);
        if (topics === "links") expect(text, name).toMatch(new RegExp(`/guides/\\d+-\\d+/${topic.slug}"`));
      }
    }
  });

  it("promise no five-minute guides, and say how long this age group's guides take", () => {
    for (const { name, text } of texts) expect(text, name).not.toMatch(/five[- ]minute|five minutes/i);
    expect(texts[0]!.text).toContain(`${readingTimeRange(guides)} to read`);
    for (const group of AGE_GROUPS) {
      const range = readingTimeRange(guides.filter((guide) => guide.ageGroup === group.slug));
      for (const kind of ["newsletter text", "newsletter HTML", "letter"])
        expect(texts.find((t) => t.name === `${kind} ${group.slug}`)!.text).toContain(`${range} to read`);
    }
  });
});
