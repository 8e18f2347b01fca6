// The prebuilt search, made at build time, for instant results in the browser: the index, the search
// words of content/ and the "if you're worried" steps (lib/guides/search-guides.ts).
import { searchPayload } from "@/lib/guides/search-guides";

export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(searchPayload()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
