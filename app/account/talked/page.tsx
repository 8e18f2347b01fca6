// /account/talked?topic=<topic>: "Log that we talked", from a hub's or a guide's box
// (components/remind/remind-invitation.tsx). The account page's "Log a talk" form for each child, with
// the guide's topic already chosen.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { recordCheckIn } from "@/app/account/actions";
import { CheckInForm } from "@/components/account/check-in-form";
import { ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { childTopics } from "@/lib/accounts/children";
import { ageGroupOn } from "@/lib/guides/age-groups";
import { loadAccount } from "@/lib/accounts/load-account";
import { findGuideKind, isTopic } from "@/lib/guides/taxonomy";
import { requireUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Log that you talked", robots: { index: false } };

export default async function LogTalkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await requireUserId();
  const raw = (await searchParams).topic;
  const topic = typeof raw === "string" && isTopic(raw) ? raw : null;
  const user = await loadAccount(userId);
  const now = new Date();
  return (
    <>
      <h1>Log that you talked</h1>
      <p>
        {topic ? `About ${findGuideKind(topic)!.title.toLowerCase()}. ` : ""}A talk you log counts for the
        month, and the next reminder suggests a topic you have not talked about yet.
      </p>
      {user.children.length === 0 && (
        <p>
          There is no child on your account yet. <Link href="/account">Add one on your account page</Link>.
        </p>
      )}
      {user.children.map((child, index) => {
        const group = findAgeGroup(ageGroupOn(child, now))!;
        const name = child.label ?? `Child ${index + 1}`;
        const headingId = `talked-${child.id}`;
        return (
          <section
            key={child.id}
            aria-labelledby={headingId}
            className="mt-8 rounded-lg border border-brand-100 p-5 dark:border-night-raised"
          >
            <h2 id={headingId} className="mt-0">
              {name} <span className="text-base font-normal">({ageGroupLabel(group).toLowerCase()})</span>
            </h2>
            <CheckInForm
              action={recordCheckIn.bind(null, child.id)}
              suggested={topic ?? childTopics(child, now).next}
              idPrefix={`talked-${child.id}`}
            />
          </section>
        );
      })}
      <p className="mt-8">
        <Link href="/account">Back to your monthly check-ins</Link>
      </p>
    </>
  );
}
