import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { addChild, resumeEmails, signOutAction } from "@/app/account/actions";
import { ChildCard } from "@/components/account/child-card";
import { ChildForm } from "@/components/account/child-form";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { HouseholdSettings } from "@/components/account/household-settings";
import { TimeZoneList } from "@/components/account/time-zone-list";
import { ActionForm } from "@/components/ui/action-form";
import { secondaryButtonClass } from "@/components/ui/field";
import { loadAccount } from "@/lib/accounts/load-account";
import { getEnv } from "@/lib/server/env";
import { requireUserId } from "@/lib/auth/session";
import { whyEmailsStopped } from "@/lib/email/mail-suppression";

export const metadata: Metadata = { title: "Your monthly check-ins", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ added?: string }> }) {
  const userId = await requireUserId();
  const now = new Date();
  const user = await loadAccount(userId);
  const { added } = await searchParams;
  const names = user.children.map((child, index) => child.label ?? `Child ${index + 1}`);
  const appUrl = getEnv().APP_URL;

  return (
    <>
      <h1>Your monthly check-ins</h1>
      <p>
        Signed in as <strong>{user.email}</strong>.{" "}
        <Link href="/account/data">Download or delete your data</Link>.
      </p>
      {user.children.length > 0 && (
        <p>
          <Link href="/account/add-child" className="font-semibold">
            Add another child
          </Link>{" "}
          (they get the same check-in plan, which you can change).
        </p>
      )}
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

      {user.children.map((child, index) => (
        <ChildCard
          key={child.id}
          child={child}
          name={names[index]!}
          now={now}
          appUrl={appUrl}
          added={child.id === added}
          copiedFrom={index > 0 ? names[0] : undefined}
        />
      ))}

      {user.children.length > 1 && (
        <HouseholdSettings
          separateReminders={user.separateReminders}
          calendarToken={user.calendarToken}
          appUrl={appUrl}
        />
      )}

      {/* One list of time zones for every plan form on the page, fetched once and cached. */}
      <TimeZoneList id="time-zones" />

      <section aria-labelledby="add-child" className="mt-10">
        <h2 id="add-child">Add a child</h2>
        <ChildForm action={addChild} initial={{}} submitLabel="Add child" idPrefix="new-child" />
      </section>
    </>
  );
}
