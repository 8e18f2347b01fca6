// GET /school/<code>/qr/<age>.svg|png: the QR code of a school's own link for an age group, for its
// contacts (the public ones, without a code, are /schools/qr/…).
import { findAgeGroup } from "@/lib/guides/age-groups";
import { qrPng, qrSvg } from "@/lib/schools/qr";
import { remindUrl } from "@/lib/schools/school-kit";
import { schoolForContact } from "@/lib/schools/schools";
import { auth } from "@/lib/auth/auth";

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ code: string; file: string }> },
) {
  const { code, file } = await params;
  const match = /^(.+)\.(svg|png)$/.exec(file);
  const group = match ? findAgeGroup(match[1]!) : undefined;
  const userId = (await auth())?.user?.id;
  const school = userId && match && group ? await schoolForContact(userId, code) : null;
  if (!match || !group || !school) return new Response("Not found\n", { status: 404 });
  const url = remindUrl(group, school.code);
  const headers = {
    "Cache-Control": "private, max-age=3600",
    "Content-Disposition": `inline; filename="talk-often-${school.code}-ages-${group.slug}.${match[2]}"`,
  };
  if (match[2] === "svg") {
    return new Response(await qrSvg(url), {
      headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(await qrPng(url)), {
    headers: { ...headers, "Content-Type": "image/png" },
  });
}
