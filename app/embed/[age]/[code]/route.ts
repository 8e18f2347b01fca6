// GET /embed/<age>/<code>: a registered school's own embeddable block, whose reminder link carries its
// code (so sign-ups through it count for the school). A code that is no school's is a 404, so that
// made-up codes cost nothing and never fill a cache; a client trying many made-up codes finds none
// (schoolForVisitor).
import { findAgeGroup } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { getEnv } from "@/lib/server/env";
import { embedHtml, embedResponse } from "@/lib/schools/guide-feeds";
import { readSchoolCode } from "@/lib/schools/school-code";
import { schoolForVisitor } from "@/lib/schools/schools";
import { requestClient } from "@/lib/server/request-client";

export async function GET(request: Request, { params }: { params: Promise<{ age: string; code: string }> }) {
  const { age, code: typed } = await params;
  const group = findAgeGroup(age);
  const code = readSchoolCode(typed);
  const client = requestClient(request.headers).address;
  if (!group || !code || !(await schoolForVisitor(code, client)))
    return new Response("Not found\n", { status: 404 });
  if (code !== typed) return Response.redirect(`${getEnv().APP_URL}/embed/${group.slug}/${code}`, 308);
  const html = embedHtml({
    appUrl: getEnv().APP_URL,
    group,
    guides: getGuides().filter((guide) => guide.ageGroup === group.slug),
    schoolCode: code,
  });
  return embedResponse(html);
}
