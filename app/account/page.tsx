import type { Metadata } from "next";
import Link from "@/components/ui/link";
import {
  addChild,
  recordCheckIn,
  regenerateCalendar,
  removeChild,
  resumeEmails,
  savePlan,
  setPaused,
  signOutAction,
  stopSchoolCounting,
  updateChild,
} from "@/app/account/actions";
import { CheckInForm } from "@/components/account/check-in-form";
import { ChildForm } from "@/components/account/child-form";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { PlanForm } from "@/components/account/plan-form";
import { TimeZoneList } from "@/components/account/time-zone-list";
import { ActionForm } from "@/components/ui/action-form";
import { secondaryButtonClass } from "@/components/ui/field";
import { ageGroupLabel, ageGroupOn, findAgeGroup } from "@/lib/guides/age-groups";
import { childTopics } from "@/lib/accounts/children";
import { findGuideKind } from "@/lib/guides/taxonomy";
import { loadAccount } from "@/lib/accounts/load-account";
import { getEnv } from "@/lib/server/env";
import { describeRule, formatDay, formatLocal, ruleOf } from "@/lib/reminders/plans";
import { requireUserId } from "@/lib/auth/session";
import { whyEmailsStopped } from "@/lib/email/mail-suppression";

export const metadata: Metadata = { title: "Your monthly check-ins", robots: { index: false } };

export default async function AccountPage() {
  const userId = await requireUserId();
  const now = new Date();
  const user = await loadAccount(userId);

  return (
    <>
      <h1>Your monthly check-ins</h1>
      <p>
        Signed in as <strong>{user.email}</strong>.{" "}
        <Link href="/account/data">Download or delete your data</Link>.
      </p>
      {user.schools.length > 0 && (
        <p>
          Your {user.schools.length === 1 ? "school" : "schools"}:{" "}
          {user.schools.map(({ school }, index) => (
            <span key={school.code}>
              {index > 0 && ", "}
              <Link href={`/school/${school.code}`}>{school.name}</Link>
            </span>
          ))}
          .
        </p>
      )}
      <ActionForm action={signOutAction} permalink="/account">
        <button type="submit" className={secondaryButtonClass}>
          Sign out
        </button>
      </ActionForm>

      {user.mailSuppressedReason && (
        <section
          aria-labelledby="emails-stopped"
          className="mt-8 rounded-lg border-2 border-amber-600 p-5 dark:border-amber-400"
        >
          <h2 id="emails-stopped" className="mt-0">
            Your check-in emails have stopped
          </h2>
          <p>
            {whyEmailsStopped(user.mailSuppressedReason, user.email)} Your calendar feeds still work. You can
            use another address below, or turn the emails back on.
          </p>
          <ActionForm action={resumeEmails} permalink="/account">
            <button type="submit" className={secondaryButtonClass}>
              Send my check-in emails again
            </button>
          </ActionForm>
        </section>
      )}

      <details className="mt-6" open={!!user.mailSuppressedReason}>
        <summary className="cursor-pointer font-semibold">Use another email address</summary>
        <EmailChangeForm />
      </details>

      {user.children.length === 0 && (
        <p className="mt-8">Add a child below to set up a monthly reminder to talk with them.</p>
      )}

      {user.children.map((child, index) => {
        const group = findAgeGroup(ageGroupOn(child, now))!;
        const name = child.label ?? `Child ${index + 1}`;
        const topics = childTopics(child, now);
        const topic = findGuideKind(topics.next)!;
        const headingId = `child-${child.id}`;
        const planValues = child.plan && {
          ruleKind: child.plan.ruleKind,
          dayOfMonth: String(child.plan.dayOfMonth ?? 1),
          nth: String(child.plan.nth ?? 1),
          weekday: String(child.plan.weekday ?? 7),
          localTime: child.plan.localTime,
          timeZone: child.plan.timeZone,
          email: child.plan.emailEnabled ? "on" : "",
          calendar: child.plan.calendarEnabled ? "on" : "",
        };
        return (
          <section
            key={child.id}
            aria-labelledby={headingId}
            className="mt-10 rounded-lg border border-brand-100 p-5 dark:border-night-raised"
          >
            <h2 id={headingId} className="mt-0">
              {name}
            </h2>
            <p className="m-0">
              {ageGroupLabel(group)}
              {child.birthYear ? " (moves on by itself as they grow)" : ""}.{" "}
              <Link href={`/guides/${group.slug}`}>Guides for this age</Link>
            </p>
            {child.schools.map(({ school }) => (
              <div
                key={school.id}
                className="mt-2 flex flex-wrap items-center gap-3"
                data-testid="counted-by"
              >
                <p className="m-0">
                  {school.name} counts your family in its totals (numbers only, never who you are).
                </p>
                <ActionForm action={stopSchoolCounting.bind(null, child.id, school.id)} permalink="/account">
                  <button type="submit" className={secondaryButtonClass}>
                    Stop counting<span className="sr-only"> by {school.name}</span>
                  </button>
                </ActionForm>
              </div>
            ))}

            <h3>Next check-in</h3>
            {child.plan ? (
              <>
                <p className="m-0" data-testid="next-check-in">
                  {child.plan.paused ? (
                    <strong>Paused.</strong>
                  ) : (
                    <>
                      <strong>{formatLocal(child.plan.nextDueAt, child.plan.timeZone)}</strong>, then{" "}
                      {describeRule(ruleOf(child.plan))} at {child.plan.localTime} ({child.plan.timeZone}).
                    </>
                  )}
                </p>
                {child.plan.deliveries[0] && (
                  <p className="m-0 mt-1" data-testid="last-reminder">
                    Last reminder: {lastReminder(child.plan.deliveries[0], child.plan.timeZone)}
                  </p>
                )}
                {child.plan.calendarEnabled && child.plan.calendarToken && (
                  <div className="mt-2" data-testid="calendar-feed">
                    <p className="m-0">
                      In your calendar:{" "}
                      <a
                        href={`${getEnv().APP_URL.replace(/^https?:/, "webcal:")}/api/calendar/${child.plan.calendarToken}.ics`}
                      >
                        subscribe in your calendar app
                      </a>{" "}
                      or{" "}
                      <a href={`/api/calendar/${child.plan.calendarToken}.ics`}>download the calendar file</a>
                      . Keep this address private.
                    </p>
                    <ActionForm
                      action={regenerateCalendar.bind(null, child.id)}
                      permalink="/account"
                      className="mt-1"
                    >
                      <button type="submit" className={secondaryButtonClass}>
                        Make a new calendar address (the old one stops working)
                      </button>
                    </ActionForm>
                  </div>
                )}
                <ActionForm
                  action={setPaused.bind(null, child.id, !child.plan.paused)}
                  permalink="/account"
                  className="mt-2"
                >
                  <button type="submit" className={secondaryButtonClass}>
                    {child.plan.paused ? "Resume reminders" : "Pause reminders"}
                  </button>
                </ActionForm>
              </>
            ) : (
              <p className="m-0">No plan yet. Choose when suits you below.</p>
            )}

            <details className="mt-4" open={!child.plan}>
              <summary className="cursor-pointer font-semibold">
                {child.plan ? "Change the plan" : "Set up a check-in plan"}
              </summary>
              <PlanForm
                action={savePlan.bind(null, child.id)}
                initial={planValues}
                idPrefix={`plan-${child.id}`}
                timeZoneListId="time-zones"
              />
            </details>

            <p className="m-0 mt-4" data-testid="topics-this-year">
              <strong>
                {topics.talked.length} of {topics.of} topics
              </strong>{" "}
              talked about in the last 12 months
              {topics.talked.length > 0 &&
                ` (${topics.talked.map((slug) => findGuideKind(slug)!.title.toLowerCase()).join(", ")})`}
              . Next suggested: <Link href={`/guides/${group.slug}/${topic.slug}`}>{topic.title}</Link>.
            </p>

            <h3>Log a talk</h3>
            <CheckInForm
              action={recordCheckIn.bind(null, child.id)}
              suggested={topic.slug}
              idPrefix={`checkin-${child.id}`}
            />

            <h3>Recent talks</h3>
            {child.checkIns.length === 0 ? (
              <p className="m-0">None logged yet.</p>
            ) : (
              <ul>
                {child.checkIns.slice(0, 5).map((checkIn) => (
                  <li key={checkIn.id}>
                    <time dateTime={checkIn.talkedAt.toISOString()}>{formatDay(checkIn.talkedAt)}</time>:{" "}
                    {findGuideKind(checkIn.topic)?.title ?? checkIn.topic}
                    {checkIn.note ? ` (“${checkIn.note}”)` : ""}
                  </li>
                ))}
              </ul>
            )}

            <details className="mt-4">
              <summary className="cursor-pointer font-semibold">Edit or remove {name}</summary>
              <ChildForm
                action={updateChild.bind(null, child.id)}
                initial={{
                  label: child.label ?? "",
                  ageBy: child.birthYear ? "birth" : "group",
                  ageGroup: child.ageGroup ?? "",
                  birthMonth: child.birthMonth ? String(child.birthMonth) : "",
                  birthYear: child.birthYear ? String(child.birthYear) : "",
                }}
                submitLabel="Save changes"
                idPrefix={`child-${child.id}`}
              />
              <ActionForm action={removeChild.bind(null, child.id)} permalink="/account" className="mt-4">
                <button type="submit" className={secondaryButtonClass}>
                  Remove {name} and their check-ins
                </button>
              </ActionForm>
            </details>
          </section>
        );
      })}

      {/* One list of time zones for every plan form on the page, fetched once and cached. */}
      <TimeZoneList id="time-zones" />

      <section aria-labelledby="add-child" className="mt-10">
        <h2 id="add-child">Add a child</h2>
        <ChildForm action={addChild} initial={{}} submitLabel="Add child" idPrefix="new-child" />
      </section>
    </>
  );
}

/** What happened to a plan's latest reminder, in words, from its Delivery record. */
function lastReminder(
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
