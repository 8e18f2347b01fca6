// The email inviting a member of staff to be a contact of a school: its link opens a page whose button
// accepts (mail scanners open links; they do not press buttons).
import { escapeHtml } from "@/lib/email/html";

export function schoolInviteEmail(to: string, school: string, from: string, url: string) {
  const text = [
    `Join ${school} on Talk Often`,
    "",
    `${from} asked for you to see ${school}'s numbers on Talk Often: how many parents set up a monthly`,
    "check-in through the school's links. Schools only ever see numbers, never who a family is.",
    "",
    "If you would like to, open this link and press the button. It works for 7 days:",
    url,
    "",
    "If you do not know why you got this, ignore it: nothing happens without the button.",
    "",
    "Talk Often",
  ].join("\n");
  const name = escapeHtml(school);
  const html = `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c2421">
<h1 style="font-size:22px">Join ${name} on Talk Often</h1>
<p>${escapeHtml(from)} asked for you to see ${name}'s numbers on Talk Often: how many parents set up a monthly check-in through the school's links. Schools only ever see numbers, never who a family is.</p>
<p>If you would like to, open this link and press the button. It works for 7 days.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#115a4c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">See the invitation</a></p>
<p>Or copy this link into your browser:<br><span style="word-break:break-all">${escapeHtml(url)}</span></p>
<p>If you do not know why you got this, ignore it: nothing happens without the button.</p>
</body></html>`;
  return { to, subject: `Join ${school} on Talk Often`, text, html };
}
