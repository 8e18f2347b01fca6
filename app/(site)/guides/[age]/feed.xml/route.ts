// GET /guides/<age>/feed.xml: one age group's guides as an Atom feed (lib/schools/guide-feeds.ts).
import { ageGroupLabel } from "@/lib/guides/age-groups";
import { ageGroupParams, atomFeed, atomResponse, perAgeGroup } from "@/lib/schools/guide-feeds";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = ageGroupParams;

export const GET = perAgeGroup((group, guides, appUrl) =>
  atomResponse(
    atomFeed({
      appUrl,
      path: `/guides/${group.slug}/feed.xml`,
      title: `Talk Often: guides for ${ageGroupLabel(group).toLowerCase()}`,
      guides,
    }),
  ),
);
