// QR codes for each age group's hub, as SVG and PNG downloads, made at build time.
import { AGE_GROUPS, findAgeGroup } from "@/lib/guides/age-groups";
import { qrPng, qrSvg } from "@/lib/schools/qr";
import { hubUrl } from "@/lib/schools/school-kit";

export const dynamicParams = false;

export function generateStaticParams() {
  return AGE_GROUPS.flatMap((group) => [{ file: `${group.slug}.svg` }, { file: `${group.slug}.png` }]);
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^(.+)\.(svg|png)$/.exec(file);
  const group = match ? findAgeGroup(match[1]!) : undefined;
  if (!match || !group) return new Response("Not found", { status: 404 });
  const headers = {
    "Cache-Control": "public, max-age=86400, s-maxage=31536000",
    "Content-Disposition": `inline; filename="talk-often-ages-${group.slug}.${match[2]}"`,
  };
  if (match[2] === "svg") {
    return new Response(await qrSvg(hubUrl(group)), {
      headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(await qrPng(hubUrl(group))), {
    headers: { ...headers, "Content-Type": "image/png" },
  });
}
