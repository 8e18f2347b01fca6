// The monthly check-in email for a household: one email covering each child whose check-in fell due in
// the same run, each with its own topic, starter, guide and buttons (We talked, Skip, Pause), and one
// "Stop these emails" for the whole household (lib/email/email-actions.ts, "stop-household").
import { button, emailHtml, heading, link } from "@/lib/email/email-layout";
import { escapeHtml } from "@/lib/email/html";
import {
  childReminder,
  HELP_NOW_TEXT,
  promptHtml,
  promptText,
  reminderEnvelope,
  reminderFooter,
  type ReminderChild,
} from "@/lib/email/reminder-email";
import type { MailMessage } from "@/lib/email/send-mail";
import { emailActionToken } from "@/lib/email/email-actions";
import type { MonthlyPrompt } from "@/lib/guides/taxonomy";
import type { Env } from "@/lib/server/env";

export type HouseholdReminderInput = {
  env: Env & { AUTH_SECRET: string };
  /** The parent: the subject of the household's "Stop these emails". */
  userId: string;
  to: string;
  children: { deliveryId: string; planId: string; child: ReminderChild; prompt: MonthlyPrompt }[];
  now: Date;
};

export function householdReminderEmail(input: HouseholdReminderInput): MailMessage & { messageId: string } {
  const { env, now } = input;
  const base = env.APP_URL;
  const children = input.children.map((one) => childReminder(env, now, one));
  const manage = `${base}/account`;
  // The one-click address (RFC 8058) stops the household's emails; its GET shows the confirmation page.
  const unsubscribe = `${base}/api/unsubscribe/${emailActionToken(env.AUTH_SECRET, "stop-household", input.userId, now)}`;
  const names = listOf(children.map((child) => child.name));
  const subject = `This month's talks with ${names}`;
  const text = [
    `Time for this month's talks with ${names}.`,
    ...children.flatMap((child) => [
      "",
      `${child.name}: ${child.topic}`,
      "",
      ...promptText(child.prompt),
      "",
      `Read the guide (${child.readingTime}): ${child.links.guide}`,
      `We talked (${child.name}): ${child.links.talked}`,
      `Skip this month (${child.name}): ${child.links.skip}`,
      `Pause the reminders for ${child.name}: ${child.links.pause}`,
    ]),
    "",
    `Manage your reminders: ${manage}`,
    `Stop these emails (for all your children): ${unsubscribe}`,
    "",
    HELP_NOW_TEXT,
  ].join("\n");
  const sections = children
    .map((child) => {
      const who = `<span style="position:absolute;left:-9999px"> (${escapeHtml(child.name)})</span>`;
      return `<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(child.name)}: ${escapeHtml(child.topic)}</h2>
${promptHtml(child.prompt)}
<p>${link(child.links.guide, "Read the guide")} (${child.readingTime})</p>
<p>${button(child.links.talked, `We talked${who}`, true)}${button(child.links.skip, `Skip this month${who}`)}${button(child.links.pause, `Pause${who}`)}</p>`;
    })
    .join("\n");
  const html = emailHtml(`${heading(`Time for this month's talks with ${escapeHtml(names)}`)}
${sections}
<p>${button(manage, "Manage")}</p>
${reminderFooter(unsubscribe, "Stop these emails (for all your children)")}`);
  return {
    to: input.to,
    subject,
    text,
    html,
    ...reminderEnvelope(base, input.children[0]!.deliveryId, unsubscribe),
  };
}

/** "M", "M and J", "M, J and K". */
export function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
