// The monthly check-in email: this month's prompt (lib/reminders/monthly-prompt.ts: the topic covered
// longest ago, a starter not used this year, two follow-ups) from the guide for the child's current age
// group, and the links that act on the plan.
import { ageGroupLabel, ageGroupOn, findAgeGroup, type ChildAge } from "@/lib/guides/age-groups";
import { checkInLink } from "@/lib/email/check-in-links";
import type { MonthlyPrompt } from "@/lib/reminders/monthly-prompt";
import { findGuide } from "@/lib/guides/load-guides";
import { readingTimeText } from "@/lib/guides/reading-time";
import { findGuideKind } from "@/lib/guides/taxonomy";
import type { Env } from "@/lib/server/env";
import { escapeHtml } from "@/lib/email/html";
import type { MailMessage } from "@/lib/email/send-mail";
import { emailActionLink, emailActionToken } from "@/lib/email/email-actions";

export type ReminderChild = ChildAge & { id: string; label: string | null };

export type ReminderInput = {
  env: Env & { AUTH_SECRET: string };
  deliveryId: string;
  planId: string;
  month: string; // "2026-12"
  to: string;
  child: ReminderChild;
  prompt: MonthlyPrompt;
  now: Date;
};

export function reminderEmail(input: ReminderInput): MailMessage & { messageId: string } {
  const { env, child } = input;
  const group = findAgeGroup(ageGroupOn(child, input.now))!;
  const topicSlug = input.prompt.topic;
  const topic = findGuideKind(topicSlug)!;
  const guide = findGuide(group.slug, topicSlug)!;
  const { starter } = input.prompt;
  const [followUp1, followUp2] = input.prompt.followUps;
  const who = child.label ?? `your child (${ageGroupLabel(group).toLowerCase()})`;
  const base = env.APP_URL;
  const links = {
    guide: `${base}${guide.path}`,
    talked: checkInLink(child.id, topicSlug, input.now, env),
    skip: emailActionLink(env, "skip", input.deliveryId, input.now),
    pause: emailActionLink(env, "pause", input.planId, input.now),
    manage: `${base}/account`,
    // The one-click address (RFC 8058): a POST there unsubscribes; a GET shows the confirmation page.
    unsubscribe: `${base}/api/unsubscribe/${emailActionToken(env.AUTH_SECRET, "unsubscribe", input.planId, input.now)}`,
  };
  const subject = `This month's talk with ${child.label ?? ageGroupLabel(group).toLowerCase()}: ${topic.title.toLowerCase()}`;
  const text = [
    `Time for this month's talk with ${who}.`,
    "",
    `This month: ${topic.title}.`,
    "",
    "A way to start:",
    `  "${starter}"`,
    "",
    "Then you could ask:",
    `  - ${followUp1}`,
    `  - ${followUp2}`,
    "",
    `Read the guide (${readingTimeText(guide)}): ${links.guide}`,
    "",
    `We talked: ${links.talked}`,
    `Skip this month: ${links.skip}`,
    `Pause these reminders: ${links.pause}`,
    `Manage your reminders: ${links.manage}`,
    `Stop these emails: ${links.unsubscribe}`,
    "",
    "If a child is in danger now, call 999. Report online sexual abuse or grooming to CEOP: https://www.ceop.police.uk/Safety-Centre/",
  ].join("\n");
  const html = `<!doctype html><html lang="en-GB"><body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2421;background:#ffffff">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="max-width:560px">
<p>Time for this month's talk with ${escapeHtml(who)}.</p>
<h1 style="font-size:22px;margin:16px 0 8px">This month: ${escapeHtml(topic.title)}</h1>
<p style="margin:0 0 4px">A way to start:</p>
<p style="margin:0 0 16px;padding:12px;border-left:4px solid #17705f;background:#eef6f4;font-weight:600">${escapeHtml(starter)}</p>
<p style="margin:0 0 4px">Then you could ask:</p>
<ul><li>${escapeHtml(followUp1)}</li><li>${escapeHtml(followUp2)}</li></ul>
<p><a href="${escapeHtml(links.guide)}" style="color:#115a4c">Read the guide</a> (${readingTimeText(guide)})</p>
<p>${button(links.talked, "We talked", true)}${button(links.skip, "Skip this month")}${button(links.pause, "Pause")}${button(links.manage, "Manage")}</p>
${reminderFooter(links.unsubscribe, "Stop these emails")}
</td></tr></table></body></html>`;
  return {
    to: input.to,
    subject,
    text,
    html,
    ...reminderEnvelope(base, input.deliveryId, links.unsubscribe),
  };
}

/** The end of every reminder's HTML: help for a child in danger now, and the link that stops the emails. */
export function reminderFooter(unsubscribe: string, stopLabel: string): string {
  return `<p style="font-size:14px;color:#4a5752">If a child is in danger now, call 999. Report online sexual abuse or grooming to <a href="https://www.ceop.police.uk/Safety-Centre/" style="color:#115a4c">CEOP</a>.<br>
<a href="${escapeHtml(unsubscribe)}" style="color:#4a5752">${stopLabel}</a></p>`;
}

/**
 * A reminder's Message-ID, the same on every attempt (`deliveryId`: its first delivery), so a resend
 * after a crash can be recognised, and its one-click unsubscribe headers.
 */
export function reminderEnvelope(base: string, deliveryId: string, unsubscribe: string) {
  return {
    messageId: `<delivery-${deliveryId}@${new URL(base).hostname}>`,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** A link drawn as a button (inline styles: email clients drop style sheets). `label` is HTML. */
export function button(href: string, label: string, primary = false): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold;${primary ? "background:#115a4c;color:#ffffff" : "border:2px solid #115a4c;color:#115a4c"}">${label}</a>`;
}
