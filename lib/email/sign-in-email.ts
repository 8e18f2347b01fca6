// The sign-in email: its subject, plain-text body and HTML twin.
import { buttonAndLink, emailHtml, heading } from "@/lib/email/email-layout";

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
  const html = emailHtml(`${heading("Sign in to Talk Often")}
<p>Use this button to sign in. It works once, and only for the next 24 hours.</p>
${buttonAndLink(url, "Sign in", shortUrl)}
<p>If you did not ask to sign in, you can ignore this email. Nobody can sign in without the link.</p>`);
  return { to, subject: "Your sign-in link for Talk Often", text, html };
}
