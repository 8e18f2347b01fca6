// The words search knows beyond the guides' own, kept in content/ beside the guides: the synonym list
// (content/search-synonyms.json: what parents type, and the words the guides use for it) and the crisis
// signals (content/search-crisis.json: what a parent types when a child is at risk now). Both are
// checked when they are loaded; a mistake stops the build with a message naming the file and the field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { searchTermsOf } from "@/lib/guides/search-terms";
import { GUIDE_SLUGS } from "@/lib/guides/taxonomy";

/** Words separated by spaces; "a|b" where either word may stand in that place. */
const phrase = z
  .string({ message: "must be a phrase in quotes" })
  .regex(
    /^[\p{L}\p{N}']+(\|[\p{L}\p{N}']+)*( [\p{L}\p{N}']+(\|[\p{L}\p{N}']+)*)*$/u,
    "must be words separated by single spaces, with | between words that may stand in the same place (letters, digits and apostrophes only)",
  );

/** A phrase that keeps at least one word search can use once common words ("my", "the") are left out. */
const searchPhrase = phrase.refine(
  (value) => value.split(" ").some((slot) => slot.split("|").every((word) => searchTermsOf(word).length)),
  "has only common words that search leaves out (such as my, the, is): add a word that says what it is about",
);

/** A non-empty list of `item`s, its messages naming what it lists. */
const listOf = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { message: `must be a list of ${what}` }).min(1, "must not be empty");
const topics = z
  .array(z.enum(GUIDE_SLUGS, { message: `must be one of ${GUIDE_SLUGS.join(", ")}` }))
  .optional();

const synonymsFileSchema = z.strictObject({
  synonyms: listOf(
    z.strictObject({
      parents: listOf(searchPhrase, "phrases"),
      guides: listOf(searchPhrase, "phrases"),
      topics,
    }),
    "entries",
  ),
});

const crisisFileSchema = z.strictObject({
  signals: listOf(
    z.strictObject({
      name: z.string({ message: "is required" }).trim().min(1, "is required"),
      phrases: listOf(phrase, "phrases"),
      topics,
    }),
    "signals",
  ),
});

export type Synonym = z.infer<typeof synonymsFileSchema>["synonyms"][number];
export type CrisisSignal = z.infer<typeof crisisFileSchema>["signals"][number];
/** Plain data: the server checks it, and sends it to the browser with the index. */
export type SearchVocabulary = { synonyms: Synonym[]; signals: CrisisSignal[] };

export const SYNONYMS_FILE = "search-synonyms.json";
export const CRISIS_FILE = "search-crisis.json";

/** Checks both files' contents; returns them, or one message per problem naming the file and field. */
export function checkSearchVocabulary(files: {
  synonyms: unknown;
  crisis: unknown;
}): { ok: true; value: SearchVocabulary } | { ok: false; problems: string[] } {
  const synonyms = synonymsFileSchema.safeParse(files.synonyms);
  const crisis = crisisFileSchema.safeParse(files.crisis);
  if (synonyms.success && crisis.success)
    return { ok: true, value: { synonyms: synonyms.data.synonyms, signals: crisis.data.signals } };
  return {
    ok: false,
    problems: [
      ...(synonyms.success ? [] : problemsOf(`content/${SYNONYMS_FILE}`, synonyms.error)),
      ...(crisis.success ? [] : problemsOf(`content/${CRISIS_FILE}`, crisis.error)),
    ],
  };
}

/** Reads and checks both files in `contentDir`; throws, listing every problem, if either is wrong. */
export function loadSearchVocabulary(contentDir = path.join(process.cwd(), "content")): SearchVocabulary {
  const read = (file: string): unknown => {
    try {
      // Read at run time from content/ (the app is not a standalone build): not a file for the bundler to trace.
      return JSON.parse(
        readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ contentDir, file), "utf8"),
      );
    } catch (error) {
      throw new Error(`content/${file}: cannot be read as JSON (${(error as Error).message})`);
    }
  };
  const checked = checkSearchVocabulary({ synonyms: read(SYNONYMS_FILE), crisis: read(CRISIS_FILE) });
  if (!checked.ok)
    throw new Error(
      `The search words in content/ have ${checked.problems.length} problem(s):\n${checked.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  return checked.value;
}

function problemsOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`));
    const where = field.join("").replace(/^\./, "") || "the file";
    if (issue.code === "unrecognized_keys")
      return `${file}: ${where} has unknown field(s): ${issue.keys.join(", ")}`;
    return `${file}: ${where} ${issue.message}`;
  });
}
