// GET /l/<id>: the short address an email offers beside its button (lib/email/short-links.ts).
import { openShortLinkRequest } from "@/lib/email/short-links";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return openShortLinkRequest((await params).id);
}
