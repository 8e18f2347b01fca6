import { describe, expect, it } from "vitest";
import { checkRendering } from "@/lib/guides/check-rendering";
import { getGuides } from "@/lib/guides/load-guides";
import { parseMdx } from "@/lib/guides/mdx-text";
import { rejectedFor } from "../../helpers/content-fixture";

function problemsIn(body: string): string[] {
  return checkRendering(parseMdx(body));
}

/** The line in the file where `text` starts. */
function lineOf(source: string, text: string): number {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in the fixture`);
  return source.slice(0, index).split("\n").length;
}

/** The content check's problems with `file` changed by `change` (it must reject it), and the changed text. */
function rejectedChange(file: string, change: (source: string) => string) {
  let broken = "";
  const problems = rejectedFor(file, (source) => (broken = change(source)));
  return { problems, broken };
}

// The faults the safeguarding review quoted (issue 20), as they stood in the guides.
const BLANK_LINE_IN_SENTENCE = `Nearly a third of the arrests involved live streaming, blackmail and

<Explain term="grooming">when someone gains a young person's trust so they can harm or use them</Explain>.
This is not a reason to panic. It is a reason to talk.
`;

const WORD_RUNS_INTO_EXPLAIN = `<DoTogether>
  <Activity title="Plan a safe stream">
    Suggest a trusted friend joins
    as a<Explain term="moderator">someone who can hide comments and block people during a stream</Explain>.
  </Activity>
</DoTogether>
`;

const EXPLAIN_ON_LINES_OF_ITS_OWN = `<DoTogether>
  <Activity title="Check the privacy settings together">
    Go through the
    <Explain term="privacy settings">
      the options in an app or game that control who can see and contact your child
    </Explain>
    on each app and game they use. Turn off or block the option to go live where you can.
  </Activity>
</DoTogether>
`;

describe("checking a guide's text as it renders", () => {
  it.each([
    {
      name: "finds a blank line in the middle of a sentence: one paragraph stops, the next starts in lower case",
      body: BLANK_LINE_IN_SENTENCE,
      problems: [
        'line 1: a paragraph stops mid-sentence, without closing punctuation ("…the arrests involved live streaming, blackmail and")',
        'line 3: a paragraph starts in lower case, cut from the sentence before ("grooming (when someone gains a young person\'s trus…")',
      ],
    },
    {
      name: 'finds a word running into an inline component ("as amoderator")',
      body: WORD_RUNS_INTO_EXPLAIN,
      problems: [
        'line 4: no space before <Explain term="moderator">, so the words run together ("amoderator"); add a space after "a"',
      ],
    },
    {
      name: "finds a word running on after an inline component",
      body: 'Turn on <Explain term="Ghost Mode">hiding where you are</Explain>s for every app.\n',
      problems: ['line 1: no space after <Explain term="Ghost Mode">, so the words run together ("…)s")'],
    },
    {
      name: "finds an inline component that starts a line in the middle of a sentence",
      body: 'Go through the\n<Explain term="privacy settings">the options</Explain> with them.\n',
      problems: [
        'line 2: <Explain term="privacy settings"> starts a line in the middle of a sentence; keep it on the line with the words before it',
      ],
    },
    {
      name: "finds an inline component written over several lines",
      body: 'Many love <Explain term="live streaming">sharing video live, so people watch as it\nhappens</Explain>.\n',
      problems: [
        'line 1: <Explain term="live streaming"> runs over 2 lines; write it on one line, inside its sentence',
      ],
    },
    {
      name: "finds a section or card with no words in it",
      body: "<WhyItMatters>\n</WhyItMatters>\n",
      problems: ["line 1: <WhyItMatters> has no text in it"],
    },
    {
      name: "finds a conversation starter with no closing punctuation",
      body: "<ConversationStarters>\n  <Starter>Who do you watch</Starter>\n</ConversationStarters>\n",
      problems: ['line 2: a paragraph stops mid-sentence, without closing punctuation ("Who do you watch")'],
    },
    {
      name: "accepts inline components inside their sentence, lists of fragments, and closing quotes",
      body: `Many teens love <Explain term="live streaming">sharing video live</Explain>. They watch gamers.

- a new app on their device
- someone asking where they live

Say "Thank you for telling me." Then say "You're not in trouble".

**What to do:** end the stream at once.
`,
      problems: [],
    },
  ])("$name", ({ body, problems }) => {
    expect(problemsIn(body)).toEqual(problems);
  });

  it("finds an inline component on lines of its own, which MDX renders as a block that splits the sentence", () => {
    const problems = problemsIn(EXPLAIN_ON_LINES_OF_ITS_OWN);
    expect(problems).toContain(
      'line 4: <Explain term="privacy settings"> stands on lines of its own, so it renders as a separate block and splits the sentence; put it on the same line as the words around it',
    );
    expect(problems).toContain(
      'line 3: a paragraph stops mid-sentence, without closing punctuation ("Go through the")',
    );
    expect(problems).toContain(
      'line 7: a paragraph starts in lower case, cut from the sentence before ("on each app and game they use. Turn off or block t…")',
    );
  });

  it("counts lines in the file, after the front matter", () => {
    expect(checkRendering(parseMdx("Go through the\n\nsettings together.\n"), 10)).toEqual([
      'line 11: a paragraph stops mid-sentence, without closing punctuation ("Go through the")',
      'line 13: a paragraph starts in lower case, cut from the sentence before ("settings together.")',
    ]);
  });
});

describe("a guide with a rendering fault fails the content check, naming the file and the line", () => {
  it('a blank line before <Explain term="grooming"> in the police warning (14-17 live streaming)', () => {
    const file = "14-17/live-streaming.mdx";
    const { problems, broken } = rejectedChange(file, (source) =>
      source.replace("blackmail and <Explain", "blackmail and\n\n<Explain"),
    );
    const line = lineOf(broken, "Police have warned for years");
    expect(problems).toContain(
      `content/${file}: line ${line}: a paragraph stops mid-sentence, without closing punctuation ("…hat some adults use live streams for blackmail and")`,
    );
  });

  it('"as a<Explain term="moderator">" (14-17 live streaming)', () => {
    const file = "14-17/live-streaming.mdx";
    const { problems, broken } = rejectedChange(file, (source) =>
      source.replace('as a <Explain term="moderator">', 'as a<Explain term="moderator">'),
    );
    expect(problems).toEqual([
      `content/${file}: line ${lineOf(broken, "as a<Explain")}: no space before <Explain term="moderator">, so the words run together ("amoderator"); add a space after "a"`,
    ]);
  });

  it('an <Explain> on lines of its own in "Check the privacy settings together" (8-10 live streaming)', () => {
    const file = "8-10/live-streaming.mdx";
    const { problems, broken } = rejectedChange(file, (source) =>
      source.replace(
        /Go through the <Explain term="privacy settings">([^<]*)<\/Explain> on each app/,
        'Go through the\n    <Explain term="privacy settings">\n      $1\n    </Explain>\n    on each app',
      ),
    );
    expect(problems).toContain(
      `content/${file}: line ${lineOf(broken, '    <Explain term="privacy settings">')}: <Explain term="privacy settings"> stands on lines of its own, so it renders as a separate block and splits the sentence; put it on the same line as the words around it`,
    );
    expect(problems).toContain(
      `content/${file}: line ${lineOf(broken, "Go through the\n")}: a paragraph stops mid-sentence, without closing punctuation ("Go through the")`,
    );
  });

  it("a topic guide without one of its sections", () => {
    const problems = rejectedFor("4-7/fake-identities.mdx", (source) =>
      source.replace(/<ListenFor>[\s\S]*<\/ListenFor>\n/, ""),
    );
    expect(problems[0]).toMatch(/^content\/4-7\/fake-identities\.mdx: a topic guide needs <WhyItMatters>/);
  });
});

describe("every guide as it renders", () => {
  it.each(getGuides().map((guide) => [guide.file, guide] as const))(
    "%s has no paragraph cut mid-sentence and no word running into a component",
    (_file, guide) => {
      expect(checkRendering(parseMdx(guide.body))).toEqual([]);
    },
  );
});
