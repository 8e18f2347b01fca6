// Every IANA time zone this runtime knows, for the plan form's suggestions. Fetched once by the
// browser and cached, instead of sent inside every account page (it was about 55 KB of each).
export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(Intl.supportedValuesOf("timeZone")), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
