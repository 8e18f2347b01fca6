// Before routing, two jobs on the paths in `config.matcher`:
//   - /guides paths with capitals or an age alias (/guides/ages-8-10): sent on to the canonical URL.
//     The guide routes answer only the pages they prerendered (dynamicParams = false), so that an
//     unknown URL costs a 404 and never a page written to the cache.
//   - pages rendered per request (NONCE_PAGES): a Content-Security-Policy with a fresh nonce, which
//     Next.js puts on its scripts, in place of the 'unsafe-inline' that prerendered pages need.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/server/content-security-policy.mjs";
import { redirectFor } from "@/lib/guides/url-contract";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/guides/")) return guideRedirect(request);
  const nonce = btoa(
    crypto.getRandomValues(new Uint8Array(16)).reduce((s, b) => s + String.fromCharCode(b), ""),
  );
  const policy = contentSecurityPolicy({ production: process.env.NODE_ENV === "production", nonce });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy); // where Next.js reads the nonce from
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function guideRedirect(request: NextRequest) {
  let path: string;
  try {
    path = decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("The address has a broken %-sequence.\n", { status: 400 });
  }
  const target = redirectFor(path);
  if (!target || target === path) return NextResponse.next();
  return NextResponse.redirect(new URL(target, request.nextUrl), 308);
}

// Literal, as Next.js requires; lib/server/content-security-policy.mjs lists the same pages (a test checks).
export const config = {
  matcher: [
    // Only what may need a redirect, so that a canonical guide URL never runs the proxy (it cost a
    // third of a guide's throughput): capitals anywhere, and the age aliases. A moved /guides URL in
    // lib/guides/url-contract.ts MOVED must be added here too.
    "/guides/:path(.*[A-Z].*)",
    "/guides/ages-:age",
    "/account/:path*",
    "/checkin/:path*",
    "/reminders/:path*",
    "/unsubscribe/:path*",
    "/signin/confirm",
    "/email-change/:path*",
    "/dev/outbox/:path*",
    "/school/:path*",
    "/schools/register",
    "/s/:path*",
    "/remind/:path*",
    "/schools/letter/:path*",
  ],
};
