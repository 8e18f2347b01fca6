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

export type ChildAge = { ageGroup: string | null; birthYear: number | null; birthMonth: number | null };

/** Whole years of age on `date` for a child born in `birthMonth` of `birthYear` (taken as the 1st). */
export function ageOn(birthYear: number, birthMonth: number, date: Date): number {
  const months = (date.getUTCFullYear() - birthYear) * 12 + (date.getUTCMonth() + 1 - birthMonth);
  return Math.floor(months / 12);
}

/**
 * The age group a child is in on `date`. With a birth month and year it advances by itself;
 * under 4 reads as 4-7 and over 17 as 14-17 (the youngest and oldest guides we have).
 */
export function ageGroupOn(child: ChildAge, date: Date): AgeGroupSlug {
  if (child.birthYear && child.birthMonth) {
    const age = ageOn(child.birthYear, child.birthMonth, date);
    const group = AGE_GROUPS.find((g) => age >= g.from && age <= g.to);
    if (group) return group.slug;
    return age < AGE_GROUPS[0].from ? AGE_GROUPS[0].slug : AGE_GROUPS[AGE_GROUPS.length - 1]!.slug;
  }
  const stored = AGE_GROUPS.find((g) => g.slug === child.ageGroup);
  return stored?.slug ?? AGE_GROUPS[0].slug;
}
