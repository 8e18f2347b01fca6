// What the schools kit says: the hub URL for an age group, its newsletter paragraph, and the
// school name a letter may carry.
import { z } from "zod";
import { ageGroupLabel, type AgeGroup } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { readingTimeRange } from "@/lib/guides/reading-time";
import { topicsInWords } from "@/lib/guides/taxonomy";
import { getEnv } from "@/lib/server/env";
import { escapeHtml } from "@/lib/email/html";

export function hubUrl(group: AgeGroup): string {
  return `${getEnv().APP_URL}/guides/${group.slug}`;
}

/** The one-step monthly reminder sign-up for an age group; a registered school's own carries its code. */
export function remindUrl(group: AgeGroup, code?: string): string {
  return code ? `${getEnv().APP_URL}/s/${code}/${group.slug}` : `${getEnv().APP_URL}/remind/${group.slug}`;
}

/** The Atom feed of an age group's guides, for a school website or newsletter tool that reads feeds. */
export function feedUrl(group: AgeGroup): string {
  return `${getEnv().APP_URL}/guides/${group.slug}/feed.xml`;
}

/** The iframe a school pastes into its website: the embeddable block of /embed/<age>. */
export function embedSnippet(group: AgeGroup, code?: string): string {
  const label = ageGroupLabel(group).toLowerCase();
  return `<iframe src="${getEnv().APP_URL}${embedPath(group, code)}" title="Talk Often: guides for ${label}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}

/** The embeddable block's path; a registered school's own carries its code. */
export function embedPath(group: AgeGroup, code?: string): string {
  return code ? `/embed/${group.slug}/${code}` : `/embed/${group.slug}`;
}

export function newsletterText(group: AgeGroup, code?: string): string {
  return (
    `Talking with your child about staying safe online (${ageGroupLabel(group).toLowerCase()}). ` +
    `Talk Often is a free website with short guides that tell you what to say to a child of this age about ` +
    `${topicsInWords()}. Each guide takes ` +
    `${readingTimeFor(group)} to read and ends with where to get help. There are no adverts and it collects ` +
    `nothing about pupils. Parents can set up a monthly reminder to talk in one step at ${remindUrl(group, code)} ` +
    `and find the guides at ${hubUrl(group)}`
  );
}

export function newsletterHtml(group: AgeGroup, code?: string): string {
  const url = escapeHtml(hubUrl(group));
  const remind = escapeHtml(remindUrl(group, code));
  return (
    `<p><strong>Talking with your child about staying safe online (${ageGroupLabel(group).toLowerCase()})</strong><br>\n` +
    `Talk Often is a free website with short guides that tell you what to say to a child of this age about ` +
    `${topicsInWords()}. Each guide takes ` +
    `${readingTimeFor(group)} to read and ends with where to get help. There are no adverts and it collects ` +
    `nothing about pupils. Parents can set up a monthly reminder to talk in one step at ` +
    `<a href="${remind}">${remind}</a> and find the guides at <a href="${url}">${url}</a></p>`
  );
}

/** "3 to 6 minutes": how long this age group's guides take to read (lib/guides/reading-time.ts). */
export function readingTimeFor(group: AgeGroup): string {
  return readingTimeRange(getGuides().filter((guide) => guide.ageGroup === group.slug));
}

export const SCHOOL_NAME_MAX = 80;

/**
 * One line of text, as a name is shown: control characters as spaces, bidirectional overrides and
 * isolates removed (they can make text read backwards: "gnp.exe"), runs of spaces as one, trimmed.
 */
export const oneLine = z.string().transform((value) =>
  value
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]+/g, "")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim(),
);

/** A school's name (the `?school=` parameter, a registered school): one line, at most 80 characters. */
export const schoolNameSchema = oneLine.pipe(
  z.string().max(SCHOOL_NAME_MAX, `The school name can be at most ${SCHOOL_NAME_MAX} characters.`),
);

export function parseSchoolName(raw: string | string[] | undefined): {
  name: string | null;
  problem: string | null;
} {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return { name: null, problem: null };
  const result = schoolNameSchema.safeParse(value);
  if (!result.success) return { name: null, problem: result.error.issues[0]!.message };
  return { name: result.data || null, problem: null };
}
