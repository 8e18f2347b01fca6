// The signed-in person, for pages and actions under /account and a school's pages.
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";

/** The signed-in user's id, or a redirect to the sign-in page (or `signIn`, e.g. one for schools). */
export async function requireUserId(signIn = "/signin"): Promise<string> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) redirect(signIn);
  return id;
}

/**
 * Where a sign-in link may lead after signing in: one of our own pages, by path (never another site:
 * no "//", no backslash, no scheme). Anything else reads as null, and the link leads to /account.
 */
export function signInNext(raw: unknown): string | null {
  return typeof raw === "string" && /^\/(?:school\/[A-Z0-9]{6}|schools\/register|account)$/.test(raw)
    ? raw
    : null;
}
