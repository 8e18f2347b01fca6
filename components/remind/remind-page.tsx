// /remind and /remind/<age>: one short form to a monthly check-in. A signed-in parent gets it with
// their address filled in, and no email to confirm.
import { requestReminder } from "@/app/(site)/remind/actions";
import { RemindForm } from "@/components/remind/remind-form";
import { REMIND_DEFAULTS } from "@/lib/accounts/remind-request";
import { ageGroupLabel, type AgeGroup } from "@/lib/guides/age-groups";
import { auth } from "@/lib/server/auth";

export async function RemindPage({ group }: { group: AgeGroup | null }) {
  const session = await auth();
  const email = session?.user?.email ?? "";
  const forWhom = group ? `your ${group.from} to ${group.to} year old` : "your child";
  return (
    <>
      <h1>A monthly reminder to talk with {forWhom}</h1>
      <p>
        Once a month we send you a short, age-right conversation starter, by email or in your calendar. It
        takes a minute to set up. We never ask for your child&apos;s name or school.
      </p>
      {group && (
        <p className="text-sm">Age group: {ageGroupLabel(group).toLowerCase()}. You can change it below.</p>
      )}
      <RemindForm
        action={requestReminder}
        initial={{ ...REMIND_DEFAULTS, ...(group ? { ageGroup: group.slug } : {}), address: email }}
        permalink={group ? `/remind/${group.slug}` : "/remind"}
      />
      <p className="mt-6 text-sm">
        {email
          ? "You are signed in, so this adds the child and the reminder to your check-ins at once."
          : "We email you one link to confirm. Nothing is set up, and nothing about you is kept, until you press its button."}
      </p>
    </>
  );
}
