// The signed-in parent, for pages and actions under /account.
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";

/** The signed-in user's id, or a redirect to the sign-in page. */
export async function requireUserId(): Promise<string> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) redirect("/signin");
  return id;
}
