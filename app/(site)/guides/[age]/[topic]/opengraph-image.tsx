import { ogCard, OG_SIZE } from "@/components/og-card";
import { findAgeGroup } from "@/lib/guides/age-groups";
import { findGuide, getGuides } from "@/lib/guides/load-guides";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "Talk Often guide";

// Only the prerendered guides: an unknown one is a 404 that writes nothing to the cache.
export const dynamicParams = false;

export function generateStaticParams() {
  return getGuides().map((guide) => ({ age: guide.ageGroup, topic: guide.slug }));
}

export default async function Image({ params }: { params: Promise<{ age: string; topic: string }> }) {
  const { age, topic } = await params;
  const guide = findGuide(age, topic);
  const group = findAgeGroup(age);
  return ogCard({
    title: guide?.frontMatter.title ?? "Talk Often",
    label: group
      ? `A guide for parents of children aged ${group.from} to ${group.to}`
      : "Guides for parents and carers",
  });
}
