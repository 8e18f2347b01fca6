// The prebuilt search index, made at build time, for instant results in the browser.
import { guideIndex } from "@/lib/guides/search-guides";

export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(guideIndex()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
