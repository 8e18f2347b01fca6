// GET /l/<id>: the short address an email offers beside its button (lib/auth/short-links.ts).
import { openShortLinkRequest } from "@/lib/auth/short-links";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return openShortLinkRequest((await params).id);
}
