// What schools put on their own websites: an Atom feed (RFC 4287) of the guides, per age group and for
// all of them, for the feed readers and newsletter tools school websites use; and an embeddable block
// per age group (/embed/<age>) to sit in an iframe: the age group's guides with their one-line
// descriptions and the reminder invitation, plain HTML and CSS with no JavaScript, light and dark, its
// links opening Talk Often in the top window.
import { AGE_GROUPS, ageGroupLabel, findAgeGroup, type AgeGroup } from "@/lib/guides/age-groups";
import { getGuides, type Guide } from "@/lib/guides/load-guides";
import { GUIDE_KINDS } from "@/lib/guides/taxonomy";
import { getEnv } from "@/lib/server/env";

/** `generateStaticParams` of a route per age group: one `age` per group. */
export function ageGroupParams() {
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

/** The GET handler of a route per age group (its feed, its embed): the answer for the group's guides, or
 *  404 for an age group that does not exist. */
export function perAgeGroup(answer: (group: AgeGroup, guides: Guide[], appUrl: string) => Response) {
  return async (_request: Request, { params }: { params: Promise<{ age: string }> }) => {
    const group = findAgeGroup((await params).age);
    if (!group) return new Response("Not found\n", { status: 404 });
    return answer(
      group,
      getGuides().filter((guide) => guide.ageGroup === group.slug),
      getEnv().APP_URL,
    );
  };
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Guides in the order the hubs show them: the taxonomy's, then by age group. */
function ordered(guides: Guide[]): Guide[] {
  const kind = (guide: Guide) => GUIDE_KINDS.findIndex((k) => k.slug === guide.slug);
  const age = (guide: Guide) => AGE_GROUPS.findIndex((g) => g.slug === guide.ageGroup);
  return [...guides].sort((a, b) => age(a) - age(b) || kind(a) - kind(b));
}

const reviewed = (guide: Guide) => `${guide.frontMatter.lastReviewed}T00:00:00Z`;

/** The Atom feed of `guides` (one age group's, or all), at `path` on `appUrl`. */
export function atomFeed(options: { appUrl: string; path: string; title: string; guides: Guide[] }): string {
  const { appUrl } = options;
  const guides = ordered(options.guides);
  const updated = guides.map(reviewed).sort().at(-1) ?? "2026-01-01T00:00:00Z";
  const entries = guides.map((guide) => {
    const url = `${appUrl}${guide.path}`;
    return [
      "  <entry>",
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(guide.frontMatter.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <summary>${xml(guide.frontMatter.description)}</summary>`,
      `    <updated>${reviewed(guide)}</updated>`,
      `    <category term="${xml(guide.ageGroup)}" label="${xml(ageGroupLabel(AGE_GROUPS.find((g) => g.slug === guide.ageGroup)!))}"/>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${xml(`${appUrl}${options.path}`)}</id>`,
    `  <title>${xml(options.title)}</title>`,
    "  <subtitle>Short guides for parents and carers on talking with children about staying safe online.</subtitle>",
    `  <link rel="self" type="application/atom+xml" href="${xml(`${appUrl}${options.path}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${appUrl}${options.path.replace(/\/feed\.xml$/, "")}`)}"/>`,
    `  <updated>${updated}</updated>`,
    "  <author><name>Talk Often</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function atomResponse(body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300, s-maxage=86400",
      "X-Accel-Expires": "86400",
    },
  });
}

/** The policy of the embeddable block: nothing but its own inline style, and any site may frame it. */
export const EMBED_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "frame-ancestors *",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const STYLE = `
:root { color-scheme: light dark; --ink: #1c2421; --muted: #4a5752; --link: #115a4c; --bg: #ffffff; --line: #cfe3dd; }
@media (prefers-color-scheme: dark) { :root { --ink: #eef3f1; --muted: #c2ceca; --link: #8fd9c4; --bg: #14201c; --line: #2e403a; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 12px; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: var(--bg); }
h1 { font-size: 1.1rem; margin: 0 0 8px; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 8px 0; border-top: 1px solid var(--line); }
a { color: var(--link); font-weight: 600; }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
p { margin: 2px 0 0; color: var(--muted); font-size: 0.95rem; }
.remind { margin-top: 12px; padding: 10px; border: 2px solid var(--line); border-radius: 8px; color: var(--ink); }
`;

/** The embeddable block for one age group. */
export function embedHtml(options: {
  appUrl: string;
  group: AgeGroup;
  guides: Guide[];
  schoolCode?: string;
}): string {
  const { appUrl, group } = options;
  const remind = options.schoolCode ? `/s/${options.schoolCode}/${group.slug}` : `/remind/${group.slug}`;
  const label = ageGroupLabel(group);
  const items = ordered(options.guides).map(
    (guide) =>
      `<li><a href="${xml(`${appUrl}${guide.path}`)}" target="_top">${xml(guide.frontMatter.title)}</a><p>${xml(guide.frontMatter.description)}</p></li>`,
  );
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Talk Often: guides for ${xml(label.toLowerCase())}</title>`,
    '<meta name="robots" content="noindex">',
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>Talking about staying safe online: ${xml(label.toLowerCase())}</h1>`,
    `<ul>${items.join("")}</ul>`,
    `<p class="remind">A monthly nudge to talk, by email or in your calendar: <a href="${xml(`${appUrl}${remind}`)}" target="_top">get a monthly check-in from Talk Often</a>.</p>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The embeddable block's response: its own policy (any site may frame it), cacheable for a day. */
export function embedResponse(html: string): Response {
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": EMBED_POLICY,
      "Cache-Control": "public, max-age=300, s-maxage=86400",
      "X-Accel-Expires": "86400",
    },
  });
}
