// A quiet box near the end of an age hub or a guide: the way to a monthly reminder for that age.
// Static, no script, nothing that moves the page; not printed.
import Link from "@/components/ui/link";
import type { AgeGroup } from "@/lib/guides/age-groups";

export function RemindInvitation({ group }: { group: AgeGroup }) {
  return (
    <aside
      aria-label="Monthly reminder"
      className="mt-10 rounded-lg border border-brand-100 p-4 print:hidden dark:border-night-raised"
    >
      <p className="m-0">
        <Link href={`/remind/${group.slug}`}>
          Get a monthly reminder to talk with your {group.from} to {group.to} year old
        </Link>
        : one short email or calendar note a month, with a starter for that month&apos;s talk.
      </p>
    </aside>
  );
}
