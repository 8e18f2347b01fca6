import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/server/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/api/", "/dev/"] },
    sitemap: `${getEnv().APP_URL}/sitemap.xml`,
  };
}
