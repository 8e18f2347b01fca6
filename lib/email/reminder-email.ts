// The monthly check-in email: this month's prompt (lib/reminders/monthly-prompt.ts: the topic covered
// longest ago, a starter not used this year, two follow-ups) from the guide for the child's current age
// group, and the links that act on the plan.
import { ageGroupLabel, ageGroupOn, findAgeGroup, type ChildAge } from "@/lib/guides/age-groups";
import { checkInLink } from "@/lib/email/check-in-links";
import { findGuide } from "@/lib/guides/load-guides";
import { readingTimeText } from "@/lib/guides/reading-time";
import { findGuideKind, type MonthlyPrompt } from "@/lib/guides/taxonomy";
import type { Env } from "@/lib/server/env";
import { escapeHtml } from "@/lib/email/html";
import { button, emailHtml, heading, link } from "@/lib/email/email-layout";
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
  const base = env.APP_URL;
  const one = childReminder(env, input.now, input);
  const { group, prompt } = one;
  const links = {
    ...one.links,
    manage: `${base}/account`,
    // The one-click address (RFC 8058): a POST there unsubscribes; a GET shows the confirmation page.
    unsubscribe: `${base}/api/unsubscribe/${emailActionToken(env.AUTH_SECRET, "unsubscribe", input.planId, input.now)}`,
  };
  const subject = `This month's talk with ${child.label ?? ageGroupLabel(group).toLowerCase()}: ${one.topic.toLowerCase()}`;
  const text = [
    `Time for this month's talk with ${one.name}.`,
    "",
    `This month: ${one.topic}.`,
    "",
    ...promptText(prompt),
    "",
    `Read the guide (${one.readingTime}): ${links.guide}`,
    "",
    `We talked: ${links.talked}`,
    `Skip this month: ${links.skip}`,
    `Pause these reminders: ${links.pause}`,
    `Manage your reminders: ${links.manage}`,
    `Stop these emails: ${links.unsubscribe}`,
    "",
    HELP_NOW_TEXT,
  ].join("\n");
  const html = emailHtml(`<p>Time for this month's talk with ${escapeHtml(one.name)}.</p>
${heading(`This month: ${escapeHtml(one.topic)}`)}
${promptHtml(prompt)}
<p>${link(links.guide, "Read the guide")} (${one.readingTime})</p>
<p>${button(links.talked, "We talked", true)}${button(links.skip, "Skip this month")}${button(links.pause, "Pause")}${button(links.manage, "Manage")}</p>
${reminderFooter(links.unsubscribe, "Stop these emails")}`);
  return {
    to: input.to,
    subject,
    text,
    html,
    ...reminderEnvelope(base, input.deliveryId, links.unsubscribe),
  };
}

/** One child's part of a reminder: who, this month's topic, its guide, and the links that act on the
 *  child's plan (We talked, Skip this month, Pause). */
export function childReminder(
  env: ReminderInput["env"],
  now: Date,
  { deliveryId, planId, child, prompt }: Pick<ReminderInput, "deliveryId" | "planId" | "child" | "prompt">,
) {
  const group = findAgeGroup(ageGroupOn(child, now))!;
  const guide = findGuide(group.slug, prompt.topic)!;
  return {
    group,
    prompt,
    name: child.label ?? `your child (${ageGroupLabel(group).toLowerCase()})`,
    topic: findGuideKind(prompt.topic)!.title,
    readingTime: readingTimeText(guide),
    links: {
      guide: `${env.APP_URL}${guide.path}`,
      talked: checkInLink(child.id, prompt.topic, now, env),
      skip: emailActionLink(env, "skip", deliveryId, now),
      pause: emailActionLink(env, "pause", planId, now),
    },
  };
}

/** The month's starter and follow-ups, as the plain-text lines of an email. */
export function promptText({ starter, followUps }: MonthlyPrompt): string[] {
  return [
    "A way to start:",
    `  "${starter}"`,
    "",
    "Then you could ask:",
    ...followUps.map((f) => `  - ${f}`),
  ];
}

/** The month's starter and follow-ups, as HTML. */
export function promptHtml({ starter, followUps }: MonthlyPrompt): string {
  return `<p style="margin:0 0 4px">A way to start:</p>
<p style="margin:0 0 16px;padding:12px;border-left:4px solid #17705f;background:#eef6f4;font-weight:600">${escapeHtml(starter)}</p>
<p style="margin:0 0 4px">Then you could ask:</p>
<ul>${followUps.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>`;
}

export const HELP_NOW_TEXT =
  "If a child is in danger now, call 999. Report online sexual abuse or grooming to CEOP: https://www.ceop.police.uk/Safety-Centre/";

/** The end of every reminder's HTML: help for a child in danger now, and the link that stops the emails. */
export function reminderFooter(unsubscribe: string, stopLabel: string): string {
  return `<p style="font-size:14px;color:#4a5752">If a child is in danger now, call 999. Report online sexual abuse or grooming to ${link("https://www.ceop.police.uk/Safety-Centre/", "CEOP")}.<br>
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
