// The email that confirms a new address for an account: sent to the new address, its link opens a page
// whose button makes the change (mail scanners open links; they do not press buttons).
import { escapeHtml } from "@/lib/email/html";

export function emailChangeEmail(to: string, url: string) {
  const text = [
    "Confirm your new email address for Talk Often",
    "",
    "Someone signed in to Talk Often asked to use this address for their account, for sign-in links and",
    "monthly check-in emails. If that was you, open this link and press the button. It works for 24 hours:",
    url,
    "",
    "If it was not you, ignore this email: nothing changes without the button.",
    "",
    "Talk Often",
  ].join("\n");
  const html = `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c2421">
<h1 style="font-size:22px">Confirm your new email address</h1>
<p>Someone signed in to Talk Often asked to use this address for their account, for sign-in links and monthly check-in emails. If that was you, open this link and press the button. It works for 24 hours.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#115a4c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Use this address</a></p>
<p>Or copy this link into your browser:<br><span style="word-break:break-all">${escapeHtml(url)}</span></p>
<p>If it was not you, ignore this email: nothing changes without the button.</p>
</body></html>`;
  return { to, subject: "Confirm your new email address for Talk Often", text, html };
}
