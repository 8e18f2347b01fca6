// GET /embed/<age>: the block schools put in an iframe on their own website (lib/schools/guide-feeds.ts).
// The only page another site may frame: its policy says frame-ancestors *, and it has no X-Frame-Options.
import { ageGroupParams, embedHtml, embedResponse, perAgeGroup } from "@/lib/schools/guide-feeds";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = ageGroupParams;

export const GET = perAgeGroup((group, guides, appUrl) =>
  embedResponse(embedHtml({ appUrl, group, guides })),
);
