// GET: readiness. PostgreSQL answers, every migration is applied, a reminder worker reported in lately.
import { readinessResponse } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

export function GET() {
  return readinessResponse();
}
