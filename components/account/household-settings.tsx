// The account page's settings for all the children at once: one email a month or one per child, and
// one calendar address with every child's check-ins.
import { householdCalendar, setSeparateReminders } from "@/app/account/actions";
import { CalendarLinks } from "@/components/account/calendar-links";
import { ActionForm } from "@/components/ui/action-form";
import { secondaryButtonClass } from "@/components/ui/field";

export function HouseholdSettings({
  separateReminders,
  calendarToken,
  appUrl,
}: {
  separateReminders: boolean;
  calendarToken: string | null;
  appUrl: string;
}) {
  return (
    <section aria-labelledby="all-children" className="mt-8">
      <h2 id="all-children">All your children</h2>
      <ActionForm action={setSeparateReminders} permalink="/account">
        <fieldset>
          <legend className="font-semibold">Monthly emails</legend>
          <label className="mt-1 flex items-center gap-2">
            <input type="radio" name="emails" value="together" defaultChecked={!separateReminders} /> One
            email a month for all my children
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="emails" value="separate" defaultChecked={separateReminders} /> A
            separate email for each child
          </label>
        </fieldset>
        <button type="submit" className={`${secondaryButtonClass} mt-2`}>
          Save email choice
        </button>
      </ActionForm>

      <h3>One calendar for all your children</h3>
      {calendarToken ? (
        <div data-testid="household-calendar">
          <p className="m-0">
            Every child&rsquo;s check-ins at one address:{" "}
            <CalendarLinks appUrl={appUrl} token={calendarToken} />. Keep this address private.
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <ActionForm action={householdCalendar.bind(null, "renew")} permalink="/account">
              <button type="submit" className={secondaryButtonClass}>
                New address<span className="sr-only"> for the household calendar</span> (the old one stops
                working)
              </button>
            </ActionForm>
            <ActionForm action={householdCalendar.bind(null, "off")} permalink="/account">
              <button type="submit" className={secondaryButtonClass}>
                Turn off the household calendar
              </button>
            </ActionForm>
          </div>
        </div>
      ) : (
        <ActionForm action={householdCalendar.bind(null, "on")} permalink="/account">
          <p className="m-0">
            One calendar subscription with every child&rsquo;s check-ins, instead of one per child.
          </p>
          <button type="submit" className={`${secondaryButtonClass} mt-2`}>
            Get one calendar for all my children
          </button>
        </ActionForm>
      )}
    </section>
  );
}
