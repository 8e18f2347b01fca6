// @ts-check
// The Content-Security-Policy of every response, in one place for next.config.js (prerendered and
// other pages) and proxy.ts (pages rendered per request, which get a nonce).

/** Pages rendered for each request, whose inline scripts carry a nonce instead of 'unsafe-inline'. */
export const NONCE_PAGES = [
  "/account",
  "/checkin",
  "/reminders",
  "/unsubscribe",
  "/signin/confirm",
  "/email-change",
  "/dev/outbox",
  "/school",
  "/schools/register",
  "/s",
  // They print a school's name (from the database, or the letter's ?school=): never 'unsafe-inline'.
  // A letter without a name is cached by shared caches with its nonce; it prints nothing from the URL.
  "/remind",
  "/schools/letter",
];

/**
 * The policy. Scripts and styles come from this origin only. Without a nonce, scripts keep
 * 'unsafe-inline', because Next.js puts its page data in inline scripts and a nonce would make every
 * page dynamic: guides could no longer be prerendered and cached. There is no user-written HTML
 * anywhere on the site for an inline script to hide in (React escapes everything; the outbox shows
 * emails in a sandboxed iframe). `next dev` needs eval and a websocket for reloading.
 * @param {{ production: boolean, nonce?: string }} options
 */
export function contentSecurityPolicy({ production, nonce }) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}
