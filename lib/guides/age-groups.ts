// The age groups Talk Often writes for: the bands CEOP's Thinkuknow uses for children.
// Their slugs are part of the public URL contract (/guides/4-7): never rename one.

export const AGE_GROUPS = [
  { slug: "4-7", from: 4, to: 7 },
  { slug: "8-10", from: 8, to: 10 },
  { slug: "11-13", from: 11, to: 13 },
  { slug: "14-17", from: 14, to: 17 },
] as const;

export type AgeGroup = (typeof AGE_GROUPS)[number];
export type AgeGroupSlug = AgeGroup["slug"];

/** "Ages 4 to 7", as a parent would say it. */
export function ageGroupLabel(group: AgeGroup): string {
  return `Ages ${group.from} to ${group.to}`;
}

export function findAgeGroup(slug: string): AgeGroup | undefined {
  return AGE_GROUPS.find((group) => group.slug === slug);
}
