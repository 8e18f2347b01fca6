// GET /api/me: { signedIn, hasPlan } for the page's script (lib/accounts/visitor-hint.ts); no-store.
import { visitorHintForRequest } from "@/lib/accounts/visitor-hint";

export const dynamic = "force-dynamic";

export function GET() {
  return visitorHintForRequest();
}
