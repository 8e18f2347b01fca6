// The email that confirms a new address for an account: sent to the new address, its link opens a page
// whose button makes the change (mail scanners open links; they do not press buttons).
import { buttonAndLink, emailHtml, heading } from "@/lib/email/email-layout";

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
  const html = emailHtml(`${heading("Confirm your new email address")}
<p>Someone signed in to Talk Often asked to use this address for their account, for sign-in links and monthly check-in emails. If that was you, open this link and press the button. It works for 24 hours.</p>
${buttonAndLink(url, "Use this address")}
<p>If it was not you, ignore this email: nothing changes without the button.</p>`);
  return { to, subject: "Confirm your new email address for Talk Often", text, html };
}
