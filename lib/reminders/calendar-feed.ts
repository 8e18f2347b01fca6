// Calendar feeds (RFC 5545): a plan's, one recurring event whose RRULE, TZID and VTIMEZONE match the
// plan, with an alarm, this month's conversation starter and the guide's address; and a household's,
// the same event for each child.
import { randomBytes } from "node:crypto";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import { DateTime } from "luxon";
import { ageGroupOn, type ChildAge } from "@/lib/guides/age-groups";
import { promptForMonth, type PastPrompt } from "@/lib/reminders/monthly-prompt";
import { findGuide } from "@/lib/guides/load-guides";
import { readingTimeText } from "@/lib/guides/reading-time";
import { findGuideKind } from "@/lib/guides/taxonomy";
import { ruleOf } from "@/lib/reminders/plans";
import { occurrenceInMonth, localMonthOf } from "@/lib/reminders/recurrence";
import { getDb } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import type { CheckInPlan, Prisma, PrismaClient } from "@/prisma/generated/client";

const WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

export function newCalendarToken(): string {
  return randomBytes(24).toString("base64url");
}

type FeedChild = {
  plan: CheckInPlan;
  child: ChildAge & { label: string | null };
  checkIns: { topic: string; talkedAt: Date }[];
  /** The plan's recorded monthly prompts (Delivery.month, .topic, .starter). */
  pastPrompts: PastPrompt[];
};

export function calendarFeed(input: FeedChild & { appUrl: string; now: Date }): string {
  const calendar = newCalendar(input.plan.timeZone);
  // A paused plan keeps its address but has no event, so calendars drop the reminder.
  if (!input.plan.paused) addCheckInEvent(calendar, input, input.appUrl, input.now);
  return strictly(calendar.toString(), input.now);
}

/** The household's feed (User.calendarToken): every child's check-in event, a paused one left out. */
export function householdCalendarFeed(input: { children: FeedChild[]; appUrl: string; now: Date }): string {
  const calendar = newCalendar(input.children[0]?.plan.timeZone ?? "Europe/London");
  for (const child of input.children) {
    if (!child.plan.paused) addCheckInEvent(calendar, child, input.appUrl, input.now);
  }
  return strictly(calendar.toString(), input.now);
}

function newCalendar(timeZone: string) {
  return ical({
    name: "Talk Often check-ins",
    prodId: { company: "Talk Often", product: "Monthly check-ins", language: "EN" },
    // The generator writes a VTIMEZONE for this zone and for each event's own.
    timezone: { name: timeZone, generator: getVtimezoneComponent },
  });
}

/** One plan's recurring event: its RRULE and TZID, an alarm, this month's starter and the guide. */
function addCheckInEvent(calendar: ReturnType<typeof ical>, input: FeedChild, appUrl: string, now: Date) {
  const { plan } = input;
  const group = ageGroupOn(input.child, now);
  // This month's prompt, as the email has it (or will).
  const prompt = promptForMonth({
    ageGroup: group,
    month: localMonthOf(now, plan.timeZone),
    past: input.pastPrompts,
    talks: input.checkIns,
  });
  const guide = findGuide(group, prompt.topic)!;
  const topic = findGuideKind(prompt.topic)!;
  const rule = ruleOf(plan);
  const [year, month] = localMonthOf(plan.createdAt, plan.timeZone).split("-").map(Number) as [
    number,
    number,
  ];
  const start = occurrenceInMonth({ rule, time: plan.localTime, timeZone: plan.timeZone }, year, month);
  calendar.createEvent({
    id: `plan-${plan.id}@${new URL(appUrl).hostname}`,
    // Luxon times in the plan's zone, so that DTSTART is written as local time with its TZID.
    start: DateTime.fromJSDate(start, { zone: plan.timeZone }),
    end: DateTime.fromJSDate(start, { zone: plan.timeZone }).plus({ minutes: 15 }),
    timezone: plan.timeZone,
    stamp: now,
    summary: `Talk with ${input.child.label ?? "your child"} about staying safe online`,
    description: [
      `This month: ${topic.title}.`,
      `A way to start: "${prompt.starter}"`,
      `The guide (${readingTimeText(guide)}): ${appUrl}${guide.path}`,
      `Log your talk: ${appUrl}/account`,
    ].join("\n"),
    url: `${appUrl}${guide.path}`,
    repeating:
      rule.kind === "day"
        ? { freq: ICalEventRepeatingFreq.MONTHLY, byMonthDay: [rule.day] }
        : rule.kind === "lastDay"
          ? { freq: ICalEventRepeatingFreq.MONTHLY, byMonthDay: [-1] }
          : {
              freq: ICalEventRepeatingFreq.MONTHLY,
              byDay: [WEEKDAYS[rule.weekday - 1]!],
              bySetPos: [rule.nth],
            },
    alarms: [{ type: ICalAlarmType.display, trigger: 0, description: "Time for this month's talk" }],
  });
}

/**
 * What RFC 5545 asks that ical-generator does not do with a calendar time zone: DTSTAMP in UTC (it
 * writes local time), and no TIMEZONE-ID (a property from a draft that was never registered).
 */
function strictly(ics: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return ics.replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${stamp}`).replace(/^TIMEZONE-ID:[^\r\n]*\r\n/m, "");
}

/** What a feed shows of each plan: its child's talks and the last 13 months' prompts. */
const FEED_PLAN = {
  child: { include: { checkIns: { select: { topic: true, talkedAt: true } } } },
  deliveries: {
    where: { topic: { not: null } },
    select: { month: true, topic: true, starter: true },
    orderBy: { month: "desc" },
    take: 13,
  },
} as const;

/**
 * GET /api/calendar/<token>.ics: a plan's feed, or a household's (User.calendarToken: every child's
 * check-ins), or a 404 for an unknown or revoked secret.
 */
export async function calendarFeedResponse(file: string, db: PrismaClient = getDb()): Promise<Response> {
  const token = file.replace(/\.ics$/, "");
  // Only what newCalendarToken makes is looked up (base64url, 32 characters).
  if (!/^[\w-]{20,64}$/.test(token)) return new Response("No such calendar.", { status: 404 });
  const now = new Date();
  const appUrl = getEnv().APP_URL;
  const feedOf = (plan: Prisma.CheckInPlanGetPayload<{ include: typeof FEED_PLAN }>) => ({
    plan,
    child: plan.child,
    checkIns: plan.child.checkIns,
    pastPrompts: plan.deliveries,
  });
  const plan = await db.checkInPlan.findFirst({
    where: { calendarToken: token, calendarEnabled: true },
    include: FEED_PLAN,
  });
  let body: string;
  if (plan) {
    body = calendarFeed({ ...feedOf(plan), appUrl, now });
  } else {
    const household = await db.user.findUnique({
      where: { calendarToken: token },
      select: {
        children: { orderBy: { createdAt: "asc" }, select: { plan: { include: FEED_PLAN } } },
      },
    });
    if (!household) return new Response("No such calendar.", { status: 404 });
    const plans = household.children.flatMap((child) => (child.plan ? [feedOf(child.plan)] : []));
    body = householdCalendarFeed({ children: plans, appUrl, now });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="talk-often.ics"',
      "Cache-Control": "private, max-age=3600",
    },
  });
}
