// What a static page may learn about who is looking (GET /api/me): signed in or not, and whether they
// already have a monthly check-in. Nothing personal: no address, no child, no id. Pages stay static and
// cached; a small script asks this and changes a few words (components/visitor-hint.tsx).
import { auth } from "@/lib/auth/auth";
import { getDb } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";

export type VisitorHint = { signedIn: boolean; hasPlan: boolean };

export async function visitorHint(db: PrismaClient, userId: string | null): Promise<VisitorHint> {
  if (!userId) return { signedIn: false, hasPlan: false };
  const plan = await db.checkInPlan.findFirst({ where: { child: { userId } }, select: { id: true } });
  return { signedIn: true, hasPlan: plan !== null };
}

/** GET /api/me's answer for the request's session. */
export async function visitorHintForRequest(): Promise<Response> {
  const session = await auth();
  return visitorHintResponse(await visitorHint(getDb(), session?.user?.id ?? null));
}

/** The answer: never stored by a browser or a shared cache, since it differs per person. */
export function visitorHintResponse(hint: VisitorHint): Response {
  return Response.json(
    { signedIn: hint.signedIn, hasPlan: hint.hasPlan },
    { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } },
  );
}
