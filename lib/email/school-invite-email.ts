// The email inviting a member of staff to be a contact of a school: its link opens a page whose button
// accepts (mail scanners open links; they do not press buttons). The wording is ours alone: the school's
// name was typed by whoever registered it, so it stays out of the subject and is quoted once, as what
// they typed, with bidirectional controls removed and no way to become a link.
import { buttonAndLink, emailHtml, heading } from "@/lib/email/email-layout";
import { escapeHtml } from "@/lib/email/html";

export const SCHOOL_INVITE_SUBJECT = "You have been invited to see a school's numbers on Talk Often";

export function schoolInviteEmail(to: string, school: string, from: string, url: string) {
  const name = quotedName(school);
  const text = [
    "You have been invited to see a school's numbers on Talk Often",
    "",
    `${from} asked for you to be a contact for a school on Talk Often. Contacts see how many parents set`,
    "up a monthly check-in through the school's links. Schools only ever see numbers, never who a family is.",
    "",
    `The school's name, as it was registered: "${name}"`,
    "",
    "If you work there and would like to, open this link and press the button. It works for 7 days:",
    url,
    "",
    "If you do not know why you got this, ignore it: nothing happens without the button.",
    "",
    "Talk Often",
  ].join("\n");
  const html = emailHtml(`${heading("You have been invited to see a school's numbers on Talk Often")}
<p>${escapeHtml(from)} asked for you to be a contact for a school on Talk Often. Contacts see how many parents set up a monthly check-in through the school's links. Schools only ever see numbers, never who a family is.</p>
<p>The school's name, as it was registered: <q dir="ltr">${escapeHtml(name)}</q></p>
<p>If you work there and would like to, open this link and press the button. It works for 7 days.</p>
${buttonAndLink(url, "See the invitation")}
<p>If you do not know why you got this, ignore it: nothing happens without the button.</p>`);
  return { to, subject: SCHOOL_INVITE_SUBJECT, text, html };
}

/**
 * The name as data: bidirectional controls and other invisible format characters removed, and every
 * "." and ":" that could make a mail program turn part of it into a link broken by a space-like dot.
 */
export function quotedName(name: string): string {
  return name
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/g, "")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/:\/\//g, ": //")
    .replace(/\b(www)\./gi, "$1 .")
    .replace(/([a-z0-9-])\.([a-z]{2,})\b/gi, "$1 .$2");
}
