// GET /guides/<age>/feed.xml: one age group's guides as an Atom feed (lib/schools/guide-feeds.ts).
import { AGE_GROUPS, ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { getEnv } from "@/lib/server/env";
import { atomFeed, atomResponse } from "@/lib/schools/guide-feeds";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ age: string }> }) {
  const group = findAgeGroup((await params).age);
  if (!group) return new Response("Not found\n", { status: 404 });
  return atomResponse(
    atomFeed({
      appUrl: getEnv().APP_URL,
      path: `/guides/${group.slug}/feed.xml`,
      title: `Talk Often: guides for ${ageGroupLabel(group).toLowerCase()}`,
      guides: getGuides().filter((guide) => guide.ageGroup === group.slug),
    }),
  );
}
