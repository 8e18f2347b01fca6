// The one layout of every email we send: a column of at most 560px on white, the site's ink and brand
// colours, buttons that are links drawn as buttons, and "Or copy this link" under an email's one button.
// Styles are inline: email clients drop style sheets.
import { escapeHtml } from "@/lib/email/html";

const BRAND = "#115a4c";

/** A whole HTML email around `body` (HTML). */
export function emailHtml(body: string): string {
  return `<!doctype html><html lang="en-GB"><body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2421;background:#ffffff">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="max-width:560px">
${body}
</td></tr></table></body></html>`;
}

/** The email's heading (`html`: escaped already). */
export function heading(html: string): string {
  return `<h1 style="font-size:22px;margin:16px 0 8px">${html}</h1>`;
}

/** A link drawn as a button. `label` is HTML. */
export function button(href: string, label: string, primary = false): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold;${primary ? `background:${BRAND};color:#ffffff` : `border:2px solid ${BRAND};color:${BRAND}`}">${label}</a>`;
}

/** An email's one button, then its address to copy: `shown`, a shorter address of the same link where
 *  there is one (/l/<id>, lib/auth/short-links.ts). */
export function buttonAndLink(url: string, label: string, shown = url): string {
  return `<p>${button(url, escapeHtml(label), true)}</p>
<p>Or copy this link into your browser: <a href="${escapeHtml(shown)}" style="color:${BRAND};word-break:break-all">${escapeHtml(shown)}</a></p>`;
}

/** A plain link in the brand colour (`label` is HTML). */
export function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" style="color:${BRAND}">${label}</a>`;
}
