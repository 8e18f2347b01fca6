// GET: Prometheus metrics for the whole app (lib/server/metrics.ts). A 404 unless METRICS_TOKEN is set.
import { metricsResponse } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request);
}
