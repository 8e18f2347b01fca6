import type { MetadataRoute } from "next";
import { AGE_GROUPS } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { getEnv } from "@/lib/server/env";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = getEnv().APP_URL;
  const guides = getGuides();
  return [
    { url: `${base}/`, changeFrequency: "monthly", priority: 1 },
    { url: `${base}/guides`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${base}/about`, changeFrequency: "monthly", priority: 0.5 },
    ...AGE_GROUPS.map((group) => ({
      url: `${base}/guides/${group.slug}`,
      changeFrequency: "monthly" as const,
      priority: 0.9,
    })),
    ...guides.map((guide) => ({
      url: `${base}${guide.path}`,
      lastModified: guide.frontMatter.lastReviewed,
      changeFrequency: "yearly" as const,
      priority: 0.7,
    })),
  ];
}
