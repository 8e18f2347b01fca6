// GET /guides/feed.xml: every guide as an Atom feed (lib/schools/guide-feeds.ts), for school websites.
import { getGuides } from "@/lib/guides/load-guides";
import { getEnv } from "@/lib/server/env";
import { atomFeed, atomResponse } from "@/lib/schools/guide-feeds";

export const dynamic = "force-static";

export function GET() {
  return atomResponse(
    atomFeed({
      appUrl: getEnv().APP_URL,
      path: "/guides/feed.xml",
      title: "Talk Often: every guide",
      guides: getGuides(),
    }),
  );
}
