// The email that confirms a monthly check-in asked for at /remind: what was asked for, and one
// button (its link opens a page whose own button confirms, so mail scanners change nothing).
import { buttonAndLink, emailHtml, heading } from "@/lib/email/email-layout";
import { escapeHtml } from "@/lib/email/html";

export const REMIND_CONFIRM_SUBJECT = "Confirm your monthly check-in";

/** `what` says what was asked for (lib/accounts/remind-request.ts, describeRemindRequest); `shortUrl`
 *  (/l/<id>, lib/auth/short-links.ts) is what "Or copy this link" shows; the button has `url`. */
export function remindConfirmEmail(to: string, url: string, what: string, shortUrl = url) {
  const text = [
    REMIND_CONFIRM_SUBJECT,
    "",
    `You asked Talk Often for ${what}.`,
    "Use this link to confirm. It works once, and only for the next 24 hours:",
    url,
    "",
    `If that link is cut short, type this one instead: ${shortUrl}`,
    "",
    "If you did not ask for this, you can ignore this email: nothing is set up unless you confirm,",
    "and we keep nothing about you.",
    "",
    "Talk Often",
  ].join("\n");
  const html = emailHtml(`${heading(REMIND_CONFIRM_SUBJECT)}
<p>You asked Talk Often for ${escapeHtml(what)}.</p>
${buttonAndLink(url, "Finish setting up my check-in", shortUrl)}
<p>If you did not ask for this, you can ignore this email: nothing is set up unless you confirm.</p>`);
  return { to, subject: REMIND_CONFIRM_SUBJECT, text, html };
}
