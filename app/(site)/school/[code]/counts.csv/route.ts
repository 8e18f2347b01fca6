// GET /school/<code>/counts.csv: the school page's counts as a CSV, for its contacts only; the same
// suppression as the page (lib/schools/school-counts.ts).
import { countsCsvResponse, schoolCounts } from "@/lib/schools/school-counts";
import { schoolForContact } from "@/lib/schools/schools";
import { auth } from "@/lib/server/auth";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const userId = (await auth())?.user?.id;
  if (!userId) return new Response("Sign in to download your school's counts.\n", { status: 401 });
  const school = await schoolForContact(userId, (await params).code);
  if (!school) return new Response("Not found\n", { status: 404 });
  return countsCsvResponse(school.code, (await schoolCounts(school.id)).rows);
}
