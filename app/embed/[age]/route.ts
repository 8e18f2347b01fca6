// GET /embed/<age>: the block schools put in an iframe on their own website (lib/schools/guide-feeds.ts).
// The only page another site may frame: its policy says frame-ancestors *, and it has no X-Frame-Options.
import { AGE_GROUPS, findAgeGroup } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { getEnv } from "@/lib/server/env";
import { embedHtml, embedResponse } from "@/lib/schools/guide-feeds";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ age: string }> }) {
  const group = findAgeGroup((await params).age);
  if (!group) return new Response("Not found\n", { status: 404 });
  const html = embedHtml({
    appUrl: getEnv().APP_URL,
    group,
    guides: getGuides().filter((guide) => guide.ageGroup === group.slug),
  });
  return embedResponse(html);
}
