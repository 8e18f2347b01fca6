// The public URLs schools may print, and every redirect that keeps an old or hand-typed URL
// working. Schools print these for years: add to this file, never remove from it.
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { GUIDE_SLUGS } from "@/lib/guides/taxonomy";

export type ContractUrl = { path: string; what: string };

/** Every public URL in the contract. */
export function contractUrls(): ContractUrl[] {
  return [
    { path: "/", what: "home" },
    { path: "/guides", what: "all guides" },
    ...AGE_GROUPS.map((g) => ({ path: `/guides/${g.slug}`, what: `hub for ages ${g.slug}` })),
    ...AGE_GROUPS.flatMap((g) =>
      GUIDE_SLUGS.map((slug) => ({ path: `/guides/${g.slug}/${slug}`, what: `guide ${slug} for ${g.slug}` })),
    ),
    { path: "/schools", what: "schools kit" },
    { path: "/about", what: "who is behind Talk Often, how the guides are checked, privacy" },
    { path: "/remind", what: "monthly reminder sign-up" },
    ...AGE_GROUPS.map((g) => ({
      path: `/remind/${g.slug}`,
      what: `monthly reminder sign-up for ages ${g.slug}`,
    })),
    ...AGE_GROUPS.map((g) => ({ path: `/schools/letter/${g.slug}`, what: `letter home for ages ${g.slug}` })),
    // Pasted into schools' own websites (the feeds at /guides/feed.xml and /guides/<age>/feed.xml are
    // kept as stable too, but are not pages).
    ...AGE_GROUPS.map((g) => ({
      path: `/embed/${g.slug}`,
      what: `embeddable guides block for ages ${g.slug}`,
    })),
  ];
}

/**
 * URLs that once existed and moved: old path → new path. None yet. When a contract URL must
 * change, add its old path here; a test proves each answers a permanent redirect to a live page.
 * An old path under /guides/ also needs a line in proxy.ts's matcher (guide routes answer only their
 * own pages).
 */
export const MOVED: Readonly<Record<string, string>> = {};

/** Hand-typed forms of an age-group hub: /8-10, /ages-8-10, /guides/ages-8-10. */
export function ageAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const group of AGE_GROUPS) {
    const hub = `/guides/${group.slug}`;
    aliases[`/${group.slug}`] = hub;
    aliases[`/ages-${group.slug}`] = hub;
    aliases[`/guides/ages-${group.slug}`] = hub;
  }
  return aliases;
}

/**
 * Where a path that no page answers should go, if anywhere: moved URLs, age aliases, and case or
 * trailing-slash variants of contract URLs. Null means a 404.
 */
export function redirectFor(path: string): string | null {
  const lower = (path.replace(/\/+$/, "") || "/").toLowerCase();
  const known = new Set(contractUrls().map((url) => url.path));
  for (const candidate of [path, lower]) {
    if (MOVED[candidate]) return MOVED[candidate];
    const alias = ageAliases()[candidate];
    if (alias) return alias;
  }
  if (lower !== path && known.has(lower)) return lower;
  return null;
}
