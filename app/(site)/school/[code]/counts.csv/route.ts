// GET /school/<code>/counts.csv: the school page's counts as a CSV, for its contacts only: the same
// published snapshot as the page (lib/schools/school-counts.ts), no rows before there is one.
import { countsCsvResponse, schoolCounts } from "@/lib/schools/school-counts";
import { schoolForContact } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const userId = (await auth())?.user?.id;
  if (!userId) return new Response("Sign in to download your school's counts.\n", { status: 401 });
  const school = await schoolForContact(userId, (await params).code);
  if (!school) return new Response("Not found\n", { status: 404 });
  const counts = await schoolCounts(school.id);
  return countsCsvResponse(school.code, counts.shown ? counts.rows : []);
}
