// The email that confirms a monthly check-in asked for at /remind: what was asked for, and one
// button (its link opens a page whose own button confirms, so mail scanners change nothing).
import { describeRule, ruleOf } from "@/lib/reminders/plans";
import type { RemindRequest } from "@/lib/accounts/remind-request";
import { escapeHtml } from "@/lib/email/html";

export const REMIND_CONFIRM_SUBJECT = "Confirm your monthly check-in";

/** `shortUrl` (/l/<id>, lib/auth/short-links.ts) is what "Or copy this link" shows; the button has `url`. */
export function remindConfirmEmail(to: string, url: string, request: RemindRequest, shortUrl = url) {
  const what = summary(request);
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
  const html = `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c2421">
<h1 style="font-size:22px">${REMIND_CONFIRM_SUBJECT}</h1>
<p>You asked Talk Often for ${escapeHtml(what)}.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#115a4c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Finish setting up my check-in</a></p>
<p>Or copy this link into your browser: <a href="${escapeHtml(shortUrl)}" style="color:#115a4c;word-break:break-all">${escapeHtml(shortUrl)}</a></p>
<p>If you did not ask for this, you can ignore this email: nothing is set up unless you confirm.</p>
</body></html>`;
  return { to, subject: REMIND_CONFIRM_SUBJECT, text, html };
}

/** "a reminder on the first Sunday of each month at 19:00 (Europe/London), by email". */
function summary({ child, plan }: RemindRequest): string {
  const channels = [plan.emailEnabled && "by email", plan.calendarEnabled && "in your calendar"].filter(
    Boolean,
  );
  const age = child.ageGroup
    ? `your child aged ${child.ageGroup.replace("-", " to ")}`
    : `your child born in ${child.birthMonth}/${child.birthYear}`;
  return `a reminder ${describeRule(ruleOf(plan))} at ${plan.localTime} (${plan.timeZone}), ${channels.join(" and ")}, to talk with ${age}`;
}
