// A registered school's page, for its contacts only (anyone else gets a 404): its reach as numbers
// (its latest published snapshot, with noise: lib/schools/school-snapshots.ts), its own links, QR codes, letters and
// newsletter text carrying its code, its contacts, and deleting it.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import {
  cancelInvitationAction,
  deleteSchoolAction,
  inviteContactAction,
  removeContactAction,
} from "@/app/(site)/school/actions";
import { InviteForm } from "@/components/schools/invite-form";
import { SchoolKitSection } from "@/components/schools/school-kit-section";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";
import Link from "@/components/ui/link";
import { AGE_GROUPS, ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { schoolCounts } from "@/lib/schools/school-counts";
import { readSchoolCode } from "@/lib/schools/school-code";
import { schoolForContact } from "@/lib/schools/schools";
import { noiseWithin } from "@/lib/schools/noise";
import { EPSILON_PER_FIGURE } from "@/lib/schools/school-snapshots";
import { requireUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your school", robots: { index: false } };

export default async function SchoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ problem?: string; age?: string }>;
}) {
  const userId = await requireUserId("/schools/register");
  const { code: typed } = await params;
  const code = readSchoolCode(typed);
  if (code && code !== typed) permanentRedirect(`/school/${code}`);
  const school = code ? await schoolForContact(userId, code) : null;
  if (!school) notFound();
  const counts = await schoolCounts(school.id);
  const { problem, age } = await searchParams;
  // One age group's kit at a time (?age=8-10#kit), chosen with plain links: no script needed.
  const chosen = typeof age === "string" ? (findAgeGroup(age) ?? null) : null;

  return (
    <>
      <h1>{school.name}</h1>
      <p>
        {school.authority ? `${school.authority}. ` : ""}Your school code is{" "}
        <strong data-testid="school-code">{school.code}</strong>: it is in every link below.
      </p>

      <h2 id="reach">How many families your links reach</h2>
      <p>
        Numbers only: we never tell a school who a family is. The figures are updated once a month, on the
        1st, and stay the same until the next update, whatever families do in between. Each figure has a small
        random amount added or taken away when it is published, so that no figure can tell you whether one
        family signed up, chose to be counted, talked or stopped: it is within{" "}
        {noiseWithin(EPSILON_PER_FIGURE, 0.9)} of the true number 9 times in 10. Sign-ups count every family
        that sets up a monthly check-in through your links, once a term; the other figures count only families
        who chose to let you count them, and appear once a term has ended.
      </p>
      {counts.shown ? (
        <>
          <p>
            Published{" "}
            <time dateTime={counts.publishedAt.toISOString()} data-testid="counts-published">
              {counts.publishedAt.toLocaleDateString("en-GB", {
                day: "numeric",
                month: "long",
                year: "numeric",
                timeZone: "Europe/London",
              })}
            </time>
            .
          </p>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full border-collapse text-left">
              <caption className="sr-only">Figures for {school.name}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b p-2">
                    What
                  </th>
                  <th scope="col" className="border-b p-2">
                    Families
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts.rows.map((row, index) => (
                  <tr key={row.measure} data-testid={`counts-row-${index}`}>
                    <th scope="row" className="border-b p-2 font-normal">
                      {row.measure}
                    </th>
                    <td className="border-b p-2 font-semibold">{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`/school/${school.code}/counts.csv`} download>
              Download these counts (CSV)
            </a>
          </p>
        </>
      ) : (
        <p className="font-semibold" data-testid="too-few-yet">
          Your figures appear after the first monthly update with enough families signed up through your
          links. Updates are published on the 1st of each month.
        </p>
      )}

      <h2 id="kit">Your school&apos;s links for parents</h2>
      <p>
        These carry your school&apos;s code, so sign-ups through them count for you, and your letters have
        your school&apos;s name on them. The guides are the same as everyone&apos;s. Choose an age group to
        see its link, QR code, letter home and newsletter text.
      </p>
      <nav aria-label="Kit for an age group">
        <ul className="m-0 flex flex-wrap gap-3 p-0">
          {AGE_GROUPS.map((group) => (
            <li key={group.slug} className="list-none">
              <Link
                href={`/school/${school.code}?age=${group.slug}#kit`}
                aria-current={chosen?.slug === group.slug ? "page" : undefined}
                className={`block rounded-lg border-2 border-brand-600 px-3 py-2 font-semibold no-underline ${
                  chosen?.slug === group.slug ? "bg-brand-600 text-white dark:text-white" : ""
                }`}
              >
                {ageGroupLabel(group)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {chosen && <SchoolKitSection group={chosen} code={school.code} />}

      <h2 id="contacts">Contacts</h2>
      {problem === "last-contact" && (
        <p role="alert" className="font-semibold text-red-800 dark:text-red-300">
          A school needs at least one contact. Invite someone first, or delete the school below.
        </p>
      )}
      <p>People who can see this page. They sign in with their email address, as parents do.</p>
      <ul>
        {school.contacts.map((contact) => (
          <li key={contact.userId} className="flex flex-wrap items-center gap-3">
            <span>
              {contact.user.email}
              {contact.userId === userId ? " (you)" : ""}
            </span>
            <ActionForm
              action={removeContactAction.bind(null, school.code, contact.userId)}
              permalink={`/school/${school.code}`}
            >
              <button type="submit" className={secondaryButtonClass}>
                {contact.userId === userId ? (
                  "Leave this school"
                ) : (
                  <>
                    Remove<span className="sr-only"> {contact.user.email}</span>
                  </>
                )}
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
      {school.invitations.length > 0 && (
        <>
          <h3>Invitations waiting for their button</h3>
          <ul>
            {school.invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {invitation.email} (until {invitation.expiresAt.toISOString().slice(0, 10)})
                </span>
                <ActionForm
                  action={cancelInvitationAction.bind(null, school.code, invitation.id)}
                  permalink={`/school/${school.code}`}
                >
                  <button type="submit" className={secondaryButtonClass}>
                    Cancel<span className="sr-only"> the invitation to {invitation.email}</span>
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Invite a colleague</h3>
      <InviteForm invite={inviteContactAction.bind(null, school.code)} permalink={`/school/${school.code}`} />

      <h2 id="delete">Delete the school</h2>
      <p>
        Its code stops counting at once, its counts and contacts are deleted, and families&apos; choices to be
        counted are removed. Parents keep their monthly check-ins. This cannot be undone.
      </p>
      <ActionForm action={deleteSchoolAction.bind(null, school.code)} permalink={`/school/${school.code}`}>
        {problem === "confirm-delete" && (
          <p id="confirm-delete-error" className="font-semibold text-red-800 dark:text-red-300">
            Tick the box to confirm that you want to delete the school.
          </p>
        )}
        <p className="flex items-start gap-3">
          <input
            id="confirm-delete"
            type="checkbox"
            name="confirm"
            value="delete"
            className="mt-0.5 size-6 shrink-0"
            aria-describedby={problem === "confirm-delete" ? "confirm-delete-error" : undefined}
          />
          <label htmlFor="confirm-delete">Yes, delete {school.name}</label>
        </p>
        <button type="submit" className={buttonClass}>
          Delete the school
        </button>
      </ActionForm>
      <p className="mt-8">
        <Link href="/schools/register">Your schools</Link>
      </p>
    </>
  );
}
