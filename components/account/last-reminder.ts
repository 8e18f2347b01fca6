// What happened to a plan's latest reminder, in words, from its Delivery record (the account page).
import { formatDay } from "@/lib/reminders/plans";

export function lastReminder(
  delivery: {
    status: string;
    dueAt: Date;
    sentAt: Date | null;
    skippedAt: Date | null;
    lastError: string | null;
  },
  timeZone: string,
): string {
  const day = (instant: Date) => formatDay(instant, timeZone);
  switch (delivery.status) {
    case "SENT":
      return `emailed on ${day(delivery.sentAt ?? delivery.dueAt)}${delivery.skippedAt ? "; you skipped that month" : ""}.`;
    case "QUEUED":
    case "SENDING":
      return `due ${day(delivery.dueAt)}, on its way (we retry for a day if your email provider is busy).`;
    case "FAILED":
      return `for ${day(delivery.dueAt)}, your email provider refused it. Check your address, or use the calendar instead.`;
    default:
      return `for ${day(delivery.dueAt)}, not sent (${delivery.lastError ?? "skipped"}).`;
  }
}
