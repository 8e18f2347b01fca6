// The search words kept in content/ (synonyms and crisis signals): checked when loaded, so that a bad
// entry fails the build with the file and the field, and kept pointing at words the guides use.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readQuery } from "@/lib/guides/read-query";
import { guideSearch } from "@/lib/guides/search-guides";
import { checkSearchVocabulary, loadSearchVocabulary } from "@/lib/guides/search-vocabulary";

const files = {
  synonyms: JSON.parse(readFileSync("content/search-synonyms.json", "utf8")) as { synonyms: object[] },
  crisis: JSON.parse(readFileSync("content/search-crisis.json", "utf8")) as { signals: object[] },
};

const { index, vocabulary } = guideSearch(); // loads every guide: slow, so not inside a test

function problemsWith(change: (copy: typeof files) => void): string[] {
  const copy = structuredClone(files);
  change(copy);
  const checked = checkSearchVocabulary(copy);
  return checked.ok ? [] : checked.problems;
}

describe("the search words in content/", () => {
  it("load and check", () => {
    const vocabulary = loadSearchVocabulary();
    expect(vocabulary.synonyms.length).toBeGreaterThan(10);
    expect(vocabulary.signals.map((signal) => signal.name)).toContain("blackmail or threats");
  });

  it("refuse a bad entry, naming the file and the field", () => {
    expect(
      problemsWith((copy) =>
        copy.synonyms.synonyms.push({
          parents: ["sextortion"],
          guides: ["blackmail"],
          topics: ["sextortion"],
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^content\/search-synonyms\.json: synonyms\[\d+\]\.topics\[0\] must be one of healthy-relationships, /,
      ),
    ]);
    expect(problemsWith((copy) => copy.synonyms.synonyms.push({ parents: [], guides: ["porn"] }))).toEqual([
      expect.stringMatching(/^content\/search-synonyms\.json: synonyms\[\d+\]\.parents must not be empty$/),
    ]);
    expect(
      problemsWith((copy) => copy.synonyms.synonyms.push({ parents: ["my son"], guides: ["porn"] })),
    ).toEqual([
      expect.stringMatching(
        /^content\/search-synonyms\.json: synonyms\[\d+\]\.parents\[0\] has only common words/,
      ),
    ]);
    expect(
      problemsWith((copy) => copy.synonyms.synonyms.push({ parents: ["porn!"], guides: ["porn"], see: "x" })),
    ).toEqual([
      expect.stringMatching(/synonyms\[\d+\]\.parents\[0\] must be words separated by single spaces/),
      expect.stringMatching(/synonyms\[\d+\] has unknown field\(s\): see$/),
    ]);
    expect(problemsWith((copy) => copy.crisis.signals.push({ name: "", phrases: ["sent  nude"] }))).toEqual([
      expect.stringMatching(/^content\/search-crisis\.json: signals\[\d+\]\.name is required$/),
      expect.stringMatching(
        /^content\/search-crisis\.json: signals\[\d+\]\.phrases\[0\] must be words separated/,
      ),
    ]);
  });

  it("point only at words the guides use", () => {
    const unused = vocabulary.synonyms
      .flatMap((entry) => entry.related)
      .filter((term) => !index.search(term, { processTerm: (t) => t, tokenize: (t) => [t] }).length);
    expect(unused).toEqual([]);
  });

  it("read a word of a phrase in any of its forms, and a long word with a typing slip", () => {
    for (const query of [
      "my son was blackmailed",
      "they are blackmailing my daughter",
      "my son is being blackmaled",
    ])
      expect(readQuery(query, vocabulary).crisis?.signal, query).toBe("blackmail or threats");
    // A word the lists know is never read as a slip of another: "sextortion" is not "extortion".
    expect(readQuery("what is sextortion", vocabulary).crisis).toBeNull();
    expect(readQuery("cyberbulling", vocabulary).topics).toEqual(["online-bullying"]);
  });
});
