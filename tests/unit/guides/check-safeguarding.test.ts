// The safeguarding checks from the second review (issue 26), on the review's own failing text.
import { describe, expect, it } from "vitest";
import {
  checkEvidenceAdvice,
  checkReassurance,
  checkTakeDownWarning,
  evidenceAdviceIn,
  isNudityWarning,
} from "@/lib/guides/check-safeguarding";
import { getGuides } from "@/lib/guides/load-guides";
import { parseMdx } from "@/lib/guides/mdx-text";
import { contentProblems } from "../../helpers/content-fixture";

/** The line in the file where `text` starts. */
function lineOf(source: string, text: string): number {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in the fixture`);
  return source.slice(0, index).split("\n").length;
}

/** Replaces `from` with `to` in a guide's source, failing if `from` is not there exactly once. */
function swap(source: string, from: string, to: string): string {
  if (source.split(from).length !== 2) throw new Error(`"${from.slice(0, 60)}" is not in the guide once`);
  return source.replace(from, to);
}

// The review's quotes (content-review-2026-12-05.md), verbatim.
const TAKE_IT_DOWN =
  "If your child fears an image may be shared, Take It Down, from the US charity NCMEC, can help stop it being posted on the sites that take part.";
const M2 = "Threats rarely stop when someone gives in. Keep the messages and the username.";
const M1 = "At this age problems are rare, and usually small.";

const NEVER_ASK = "<NeverAskForTheImage />";

describe("Report Remove and Take It Down always come with <NeverAskForTheImage />", () => {
  it("refuses a Take It Down mention without it, naming the line", () => {
    expect(checkTakeDownWarning(parseMdx(`Some text first.\n\n${TAKE_IT_DOWN}\n`), 10)).toEqual([
      "line 13: names Take It Down without <NeverAskForTheImage />; add it just after this paragraph, so that no parent asks their child to send them the picture",
    ]);
  });

  it("accepts it just after the mention, or in the same section", () => {
    expect(checkTakeDownWarning(parseMdx(`${TAKE_IT_DOWN}\n\n${NEVER_ASK}\n`))).toEqual([]);
    expect(
      checkTakeDownWarning(
        parseMdx(
          `<WhatItCanLookLike>\n${TAKE_IT_DOWN}\n\nMore text.\n\n${NEVER_ASK}\n</WhatItCanLookLike>\n`,
        ),
      ),
    ).toEqual([]);
  });

  it("refuses it when it stands sections away from the first mention", () => {
    const body = `${TAKE_IT_DOWN}\n\nOne.\n\nTwo.\n\n${NEVER_ASK}\n`;
    expect(checkTakeDownWarning(parseMdx(body))).toEqual([
      "line 1: names Take It Down, but <NeverAskForTheImage /> is not beside it (it is at line 7); put it in the same section as this first mention, or just after it",
    ]);
  });

  it("refuses it inside a sentence, where it would render a callout inside a paragraph", () => {
    expect(checkTakeDownWarning(parseMdx(`Report Remove can help. ${NEVER_ASK} Then more.\n`))).toContain(
      "line 1: <NeverAskForTheImage /> sits inside a sentence; put it on a line of its own, between paragraphs",
    );
  });

  it("fails the content check for a guide that names Take It Down without it", () => {
    const file = "8-10/healthy-relationships.mdx";
    let broken = "";
    const problems = contentProblems(file, (source) => {
      broken = swap(source, "</WhatItCanLookLike>", `${TAKE_IT_DOWN}\n\n</WhatItCanLookLike>`);
      return broken;
    });
    expect(problems).toEqual([
      `content/${file}: line ${lineOf(broken, TAKE_IT_DOWN)}: names Take It Down without <NeverAskForTheImage />; add it just after this paragraph, so that no parent asks their child to send them the picture`,
    ]);
  });

  it("passes the content check once the same guide has the callout after the mention", () => {
    const file = "8-10/healthy-relationships.mdx";
    expect(
      contentProblems(file, (source) =>
        swap(source, "</WhatItCanLookLike>", `${TAKE_IT_DOWN}\n\n${NEVER_ASK}\n\n</WhatItCanLookLike>`),
      ),
    ).toEqual([]);
  });

  it("fails the content check when the callout is taken out of a guide that has it (14-17 healthy relationships)", () => {
    const file = "14-17/healthy-relationships.mdx";
    let broken = "";
    const problems = contentProblems(file, (source) => {
      broken = swap(source, `${NEVER_ASK}\n`, "");
      return broken;
    });
    expect(problems).toEqual([
      `content/${file}: line ${lineOf(broken, "If an image has been shared, report it")}: names Report Remove without <NeverAskForTheImage />; add it just after this paragraph, so that no parent asks their child to send them the picture`,
    ]);
  });

  it("is in every guide that names either tool", () => {
    const naming = getGuides().filter((g) => /Report Remove|Take It Down/.test(g.sentences.join(" ")));
    expect(naming.length).toBeGreaterThanOrEqual(10);
    for (const guide of naming) expect(guide.body, guide.file).toContain(NEVER_ASK);
  });
});

describe("advice to keep evidence always says never to screenshot, save or forward nudity", () => {
  it.each([
    "Keep the messages and the username.",
    "Take screenshots of the chat and the username.",
    "Screenshot the comments and usernames.",
    "Save the chat, and keep a record of dates and times.",
    "Keep evidence, don't delete it",
    "Stop replying, but don't delete the chat.",
    "Keep the chats on the phone.",
    "Screenshot of the messages first, then block.",
    "Keep the messages for the police.",
  ])("finds the evidence advice in %j", (sentence) => {
    expect(evidenceAdviceIn(sentence)).toBeTruthy();
  });

  it.each([
    "Someone asks them to keep the chat, or the friendship, secret.",
    "Being told to keep a chat, a friend or a photo secret.",
    "Save Childline's number in their phone too.",
    "Save the Report Remove page on their phone.",
    // From the online-bullying and screen-time guides: a noun, and a limit.
    "If a screenshot of your messages went round, what would you want from me?",
    "A screenshot of something your child said, sent round to make fun of them.",
    "Where they allow it, limit play time, approve spending and keep chat to friends.",
  ])("does not take %j for evidence advice", (sentence) => {
    expect(evidenceAdviceIn(sentence)).toBeUndefined();
  });

  it("recognises the warning only when it names nudity and all of screenshot, save and forward", () => {
    expect(
      isNudityWarning("Never screenshot, save or forward anything showing nudity, even to report it."),
    ).toBe(true);
    expect(
      isNudityWarning("But never save, screenshot, forward or share a nude or sexual image of a child."),
    ).toBe(true);
    expect(isNudityWarning("Take screenshots, but never of anything that shows nudity.")).toBe(false);
    expect(isNudityWarning("You and your child should never save or forward it, even as evidence.")).toBe(
      false,
    );
  });

  it("refuses the review's M2 text, naming the line and the sentence", () => {
    expect(checkEvidenceAdvice(parseMdx(`Tell your child to stop.\n${M2}\n`))).toEqual([
      'line 2: "Keep the messages and the username." tells a parent to keep evidence, but nothing beside it says never to screenshot, save or forward anything showing nudity; say so in the same paragraph, step or activity (or add <NeverAskForTheImage />)',
    ]);
  });

  it("accepts it with the warning in the same paragraph, the next one, or the same step", () => {
    const warning = "Never screenshot, save or forward anything showing nudity.";
    expect(checkEvidenceAdvice(parseMdx(`${M2} ${warning}\n`))).toEqual([]);
    expect(checkEvidenceAdvice(parseMdx(`${M2}\n\n${warning}\n`))).toEqual([]);
    expect(
      checkEvidenceAdvice(
        parseMdx(
          `<Steps>\n  <Step title="Keep evidence">\n    ${M2}\n\n    ${warning}\n  </Step>\n</Steps>\n`,
        ),
      ),
    ).toEqual([]);
  });

  it("does not take a warning from another step", () => {
    const body = `<Steps>\n  <Step title="Keep the evidence">\n    ${M2}\n  </Step>\n  <Step title="Never share">\n    Never screenshot, save or forward a nude image.\n  </Step>\n</Steps>\n`;
    expect(checkEvidenceAdvice(parseMdx(body))).toEqual([
      'line 2: "Keep the evidence" tells a parent to keep evidence, but nothing beside it says never to screenshot, save or forward anything showing nudity; say so in the same paragraph, step or activity (or add <NeverAskForTheImage />)',
    ]);
  });

  it("fails the content check for 11-13 live streaming as the review found it (it passes as it is now)", () => {
    const file = "11-13/live-streaming.mdx";
    let broken = "";
    const problems = contentProblems(file, (source) => {
      broken = source.replace(/Paying is no guarantee[\s\S]*?even to report it\./, M2);
      return broken;
    });
    expect(broken).toContain(M2);
    expect(problems).toEqual([
      `content/${file}: line ${lineOf(broken, M2)}: "Keep the messages and the username." tells a parent to keep evidence, but nothing beside it says never to screenshot, save or forward anything showing nudity; say so in the same paragraph, step or activity (or add <NeverAskForTheImage />)`,
    ]);
    expect(getGuides().map((guide) => guide.file)).toContain(`content/${file}`);
  });
});

describe("reassurance about how rare or small a harm is needs a source", () => {
  const NONE: { claim: string; source: string }[] = [];

  it("refuses the review's M1 sentence, naming the line and the words a claim must state", () => {
    expect(checkReassurance(parseMdx(`The same rules work on a screen. ${M1}\n`), NONE, 47)).toEqual([
      `line 48: "${M1}" says how rare or small a harm is, with no source; take it out, or add a front-matter "claims" entry that says so in the source's words ("rare", "small")`,
    ]);
  });

  it.each([
    "Most of the time nothing goes wrong.",
    "At this age, problems in games are usually small.",
    "Problems at this age are often mild.",
    "Most streams are harmless.",
    "The risk is small.",
    "Your child is unlikely to be targeted.",
  ])("finds the reassurance in %j", (sentence) => {
    expect(checkReassurance(parseMdx(`${sentence}\n`), NONE)).toHaveLength(1);
  });

  it.each([
    "A game friend may buy your child a rare skin, then say you owe me.",
    "Teens rarely open up when you sit them down for A Big Talk.",
    "Short and regular beats long and rare.",
    "Most of the time your child's online world is small: family, a few friends, and the games they love.",
    "Blackmail aimed at a young child is often very simple.",
  ])("does not take %j for reassurance", (sentence) => {
    expect(checkReassurance(parseMdx(`${sentence}\n`), NONE)).toEqual([]);
  });

  it("accepts the reassurance once a claim states it", () => {
    const claims = [
      { claim: "Serious problems are rare, and most are small", source: "https://example.org/" },
    ];
    expect(checkReassurance(parseMdx(`${M1}\n`), claims)).toEqual([]);
  });

  it("fails the content check for 4-7 pictures and bodies as the review found it (the fixed form passes)", () => {
    const file = "4-7/pictures-and-bodies.mdx";
    const fixed =
      "Even young children can be tricked into showing their body on camera, at home, so it helps to know the signs:";
    let broken = "";
    const problems = contentProblems(file, (source) => {
      broken = swap(source, fixed, `${M1} Here is what they can look like:`);
      return broken;
    });
    expect(problems).toEqual([
      `content/${file}: line ${lineOf(broken, M1)}: "${M1}" says how rare or small a harm is, with no source; take it out, or add a front-matter "claims" entry that says so in the source's words ("rare", "small")`,
    ]);
    expect(getGuides().find((guide) => guide.file === `content/${file}`)?.body).toContain(fixed);
  });
});
