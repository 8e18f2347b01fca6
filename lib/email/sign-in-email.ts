// The sign-in email: its subject, plain-text body and HTML twin.
import { escapeHtml } from "@/lib/email/html";

/** `shortUrl` (/l/<id>, lib/auth/short-links.ts) is what "Or copy this link" shows; the button has `url`. */
export function signInEmail(to: string, url: string, shortUrl = url) {
  const text = [
    "Sign in to Talk Often",
    "",
    "Use this link to sign in. It works once, and only for the next 24 hours:",
    url,
    "",
    `If that link is cut short, type this one instead: ${shortUrl}`,
    "",
    "If you did not ask to sign in, you can ignore this email. Nobody can sign in without the link,",
    "and we will not email you again unless someone asks for another link.",
    "",
    "Talk Often",
  ].join("\n");
  const html = `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c2421">
<h1 style="font-size:22px">Sign in to Talk Often</h1>
<p>Use this button to sign in. It works once, and only for the next 24 hours.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#115a4c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Sign in</a></p>
<p>Or copy this link into your browser: <a href="${escapeHtml(shortUrl)}" style="color:#115a4c;word-break:break-all">${escapeHtml(shortUrl)}</a></p>
<p>If you did not ask to sign in, you can ignore this email. Nobody can sign in without the link.</p>
</body></html>`;
  return { to, subject: "Your sign-in link for Talk Often", text, html };
}
