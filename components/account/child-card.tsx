// One child on the account page: their age group, how their check-ins stand (next date, paused or
// emails off), their plan, this month's topic, the talk log, and editing or removing them.
import Link from "@/components/ui/link";
import {
  recordCheckIn,
  regenerateCalendar,
  removeChild,
  savePlan,
  setPaused,
  stopSchoolCounting,
  updateChild,
} from "@/app/account/actions";
import { CalendarLinks } from "@/components/account/calendar-links";
import { CheckInForm } from "@/components/account/check-in-form";
import { ChildForm } from "@/components/account/child-form";
import { FocusOnArrival } from "@/components/account/focus-on-arrival";
import { lastReminder } from "@/components/account/last-reminder";
import { PlanForm } from "@/components/account/plan-form";
import { ActionForm } from "@/components/ui/action-form";
import { secondaryButtonClass } from "@/components/ui/field";
import { ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { childTopics } from "@/lib/accounts/children";
import { ageGroupOn } from "@/lib/guides/age-groups";
import { findGuideKind } from "@/lib/guides/taxonomy";
import type { Account } from "@/lib/accounts/load-account";
import { describeRule, formatDay, formatLocal, ruleOf } from "@/lib/reminders/plans";

export function ChildCard({
  child,
  name,
  now,
  appUrl,
  added,
  copiedFrom,
}: {
  child: Account["children"][number];
  /** The child's nickname, or "Child 2". */
  name: string;
  now: Date;
  appUrl: string;
  /** Just added: the card takes focus and says what it got. */
  added: boolean;
  /** The child whose plan a just-added child was given, if any. */
  copiedFrom?: string;
}) {
  const group = findAgeGroup(ageGroupOn(child, now))!;
  const topics = childTopics(child, now);
  const topic = findGuideKind(topics.thisMonth ?? topics.next)!;
  const cardId = `child-${child.id}`;
  const headingId = `${cardId}-name`;
  const { plan } = child;
  const planValues = plan && {
    ruleKind: plan.ruleKind,
    dayOfMonth: String(plan.dayOfMonth ?? 1),
    nth: String(plan.nth ?? 1),
    weekday: String(plan.weekday ?? 7),
    localTime: plan.localTime,
    timeZone: plan.timeZone,
    email: plan.emailEnabled ? "on" : "",
    calendar: plan.calendarEnabled ? "on" : "",
  };
  const status = !plan ? null : plan.paused ? "Paused" : !plan.emailEnabled ? "Emails off" : null;
  return (
    <section
      id={cardId}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="mt-10 scroll-mt-4 rounded-lg border border-brand-100 p-5 focus:outline-2 focus:outline-offset-2 focus:outline-brand-700 dark:border-night-raised"
    >
      {added && <FocusOnArrival id={cardId} />}
      <h2 id={headingId} className="mt-0">
        {name}
      </h2>
      {added && (
        <p className="m-0 mb-2 font-semibold" role="status">
          {name} is added
          {copiedFrom && plan ? `, with the same check-in plan as ${copiedFrom}` : ""}. You can change it
          below.
        </p>
      )}
      {status && (
        <p
          className="m-0 mb-2 inline-block rounded bg-amber-100 px-2 font-semibold text-amber-900"
          data-testid="child-status"
        >
          {status}
        </p>
      )}
      <p className="m-0">
        {ageGroupLabel(group)}
        {child.birthYear ? " (moves on by itself as they grow)" : ""}.{" "}
        <Link href={`/guides/${group.slug}`}>Guides for this age</Link>
      </p>
      {child.schools.map(({ school }) => (
        <div key={school.id} className="mt-2 flex flex-wrap items-center gap-3" data-testid="counted-by">
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
      {plan ? (
        <>
          <p className="m-0" data-testid="next-check-in">
            {plan.paused ? (
              <strong>Paused.</strong>
            ) : (
              <>
                {!plan.emailEnabled && (
                  <>
                    <strong>Emails off</strong>
                    {plan.calendarEnabled
                      ? " (in your calendar only): "
                      : ": no reminder comes for this date. "}
                  </>
                )}
                <strong>{formatLocal(plan.nextDueAt, plan.timeZone)}</strong>, then{" "}
                {describeRule(ruleOf(plan))} at {plan.localTime} ({plan.timeZone}).
              </>
            )}
          </p>
          {plan.deliveries[0] && (
            <p className="m-0 mt-1" data-testid="last-reminder">
              Last reminder: {lastReminder(plan.deliveries[0], plan.timeZone)}
            </p>
          )}
          {plan.calendarEnabled && plan.calendarToken && (
            <div className="mt-2" data-testid="calendar-feed">
              <p className="m-0">
                In your calendar: <CalendarLinks appUrl={appUrl} token={plan.calendarToken} />. Keep this
                address private.
              </p>
              <details className="mt-1">
                <summary className="cursor-pointer">Calendar address shared by mistake?</summary>
                <ActionForm
                  action={regenerateCalendar.bind(null, child.id)}
                  permalink="/account"
                  className="mt-1"
                >
                  <button type="submit" className={secondaryButtonClass}>
                    Make a new calendar address (the old one stops working)
                  </button>
                </ActionForm>
              </details>
            </div>
          )}
          <ActionForm
            action={setPaused.bind(null, child.id, !plan.paused)}
            permalink="/account"
            className="mt-2"
          >
            <button type="submit" className={secondaryButtonClass}>
              {plan.paused ? "Resume reminders" : "Pause reminders"}
              <span className="sr-only"> for {name}</span>
            </button>
          </ActionForm>
        </>
      ) : (
        <p className="m-0">No plan yet. Choose when suits you below.</p>
      )}

      <details className="mt-4" open={!plan}>
        <summary className="cursor-pointer font-semibold">
          {plan ? "Change the plan" : "Set up a check-in plan"}
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
        . {topics.thisMonth ? "This month" : "Next suggested"}:{" "}
        <Link href={`/guides/${group.slug}/${topic.slug}`}>{topic.title}</Link>
        {topics.thisMonth ? " (as in this month's email)" : ""}.
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
}
