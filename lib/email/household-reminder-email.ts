// The monthly check-in email for a household: one email covering each child whose check-in fell due in
// the same run, each with its own topic, starter, guide and buttons (We talked, Skip, Pause), and one
// "Stop these emails" for the whole household (lib/email/email-actions.ts, "stop-household").
import { ageGroupLabel, ageGroupOn, findAgeGroup } from "@/lib/guides/age-groups";
import { checkInLink } from "@/lib/email/check-in-links";
import type { MonthlyPrompt } from "@/lib/reminders/monthly-prompt";
import { findGuide } from "@/lib/guides/load-guides";
import { findGuideKind } from "@/lib/guides/taxonomy";
import type { Env } from "@/lib/server/env";
import { escapeHtml } from "@/lib/email/html";
import type { MailMessage } from "@/lib/email/send-mail";
import { emailActionLink, emailActionToken } from "@/lib/email/email-actions";
import { button, reminderEnvelope, reminderFooter, type ReminderChild } from "@/lib/email/reminder-email";

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
  const children = input.children.map(({ deliveryId, planId, child, prompt }) => {
    const group = findAgeGroup(ageGroupOn(child, now))!;
    const guide = findGuide(group.slug, prompt.topic)!;
    return {
      name: child.label ?? `your child (${ageGroupLabel(group).toLowerCase()})`,
      topic: findGuideKind(prompt.topic)!.title,
      prompt,
      links: {
        guide: `${base}${guide.path}`,
        talked: checkInLink(child.id, prompt.topic, now, env),
        skip: emailActionLink(env, "skip", deliveryId, now),
        pause: emailActionLink(env, "pause", planId, now),
      },
    };
  });
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
      "A way to start:",
      `  "${child.prompt.starter}"`,
      "",
      "Then you could ask:",
      `  - ${child.prompt.followUps[0]}`,
      `  - ${child.prompt.followUps[1]}`,
      "",
      `Read the five-minute guide: ${child.links.guide}`,
      `We talked (${child.name}): ${child.links.talked}`,
      `Skip this month (${child.name}): ${child.links.skip}`,
      `Pause the reminders for ${child.name}: ${child.links.pause}`,
    ]),
    "",
    `Manage your reminders: ${manage}`,
    `Stop these emails (for all your children): ${unsubscribe}`,
    "",
    "If a child is in danger now, call 999. Report online sexual abuse or grooming to CEOP: https://www.ceop.police.uk/Safety-Centre/",
  ].join("\n");
  const sections = children
    .map((child) => {
      const who = `<span style="position:absolute;left:-9999px"> (${escapeHtml(child.name)})</span>`;
      return `<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(child.name)}: ${escapeHtml(child.topic)}</h2>
<p style="margin:0 0 4px">A way to start:</p>
<p style="margin:0 0 16px;padding:12px;border-left:4px solid #17705f;background:#eef6f4;font-weight:600">${escapeHtml(child.prompt.starter)}</p>
<p style="margin:0 0 4px">Then you could ask:</p>
<ul><li>${escapeHtml(child.prompt.followUps[0])}</li><li>${escapeHtml(child.prompt.followUps[1])}</li></ul>
<p><a href="${escapeHtml(child.links.guide)}" style="color:#115a4c">Read the five-minute guide</a></p>
<p>${button(child.links.talked, `We talked${who}`, true)}${button(child.links.skip, `Skip this month${who}`)}${button(child.links.pause, `Pause${who}`)}</p>`;
    })
    .join("\n");
  const html = `<!doctype html><html lang="en-GB"><body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2421;background:#ffffff">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="max-width:560px">
<h1 style="font-size:22px;margin:0 0 8px">Time for this month's talks with ${escapeHtml(names)}</h1>
${sections}
<p>${button(manage, "Manage")}</p>
${reminderFooter(unsubscribe, "Stop these emails (for all your children)")}
</td></tr></table></body></html>`;
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
