// /remind and /remind/<age>: one short form to a monthly check-in. A signed-in parent gets it with
// their address filled in, and no email to confirm.
import { requestReminder } from "@/app/(site)/remind/actions";
import { RemindForm } from "@/components/remind/remind-form";
import { REMIND_DEFAULTS } from "@/lib/accounts/remind-request";
import { ageGroupLabel, type AgeGroup } from "@/lib/guides/age-groups";
import { auth } from "@/lib/auth/auth";

export async function RemindPage({
  group,
  school,
}: {
  group: AgeGroup | null;
  /** Through a school's link (/s/<code>/<age>): the school's name is shown and its code travels on. */
  school?: { code: string; name: string } | null;
}) {
  const session = await auth();
  const email = session?.user?.email ?? "";
  const forWhom = group ? `your ${group.from} to ${group.to} year old` : "your child";
  return (
    <>
      {school && <p className="text-lg font-semibold">From {school.name}</p>}
      <h1>A monthly reminder to talk with {forWhom}</h1>
      <p>
        Once a month we send you a short, age-right conversation starter, by email or in your calendar. It
        takes a minute to set up.{" "}
        {school
          ? `We never ask for your child's name. This link tells us only which school shared it.`
          : "We never ask for your child's name or school."}
      </p>
      {group && (
        <p className="text-sm">Age group: {ageGroupLabel(group).toLowerCase()}. You can change it below.</p>
      )}
      <RemindForm
        action={requestReminder}
        initial={{ ...REMIND_DEFAULTS, ...(group ? { ageGroup: group.slug } : {}), address: email }}
        permalink={
          school
            ? `/s/${school.code}${group ? `/${group.slug}` : ""}`
            : group
              ? `/remind/${group.slug}`
              : "/remind"
        }
        school={school?.code}
      />
      {school && (
        <p className="mt-6 text-sm">
          {school.name} gave you this link. They will see how many parents sign up through it, as a number:
          never who you are. After you confirm, you can choose whether they may count your family in their
          totals too.
        </p>
      )}
      <p className="mt-6 text-sm">
        {email
          ? "You are signed in, so this adds the child and the reminder to your check-ins at once."
          : "We email you one link to confirm. Nothing is set up, and nothing about you is kept, until you press its button."}
      </p>
    </>
  );
}
