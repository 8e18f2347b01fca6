// An invitation to be a contact for a school (a signed 7-day link from an email): the button accepts;
// opening the link changes nothing (mail scanners open links).
import type { Metadata } from "next";
import { acceptInvitationAction } from "@/app/(site)/school/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";
import Link from "@/components/ui/link";
import { readInvitation } from "@/lib/schools/school-contacts";
import { getEnv } from "@/lib/server/env";
import { linkPageInput, type LinkPageProps } from "@/lib/server/signed-links";

export const metadata: Metadata = { title: "An invitation from a school", robots: { index: false } };

export default async function JoinPage(props: LinkPageProps) {
  const { token, done } = await linkPageInput(props);
  const invitation = await readInvitation(token, getEnv());
  if (!invitation || done === "invalid") {
    return (
      <>
        <h1>This invitation has been used or no longer works</h1>
        <p>
          Each invitation works once, for 7 days, and only while the school is registered. If you have already
          joined, the school is on <Link href="/account">your account</Link>. If not, ask the colleague who
          sent it for a new one.
        </p>
      </>
    );
  }
  const { school, email } = invitation;
  if (done === "full") {
    return (
      <>
        <h1>{school.name} has the most contacts it can have</h1>
        <p>Ask one of its contacts to remove someone who has left, then to invite you again.</p>
      </>
    );
  }
  return (
    <>
      <h1>Join {school.name} on Talk Often?</h1>
      <p>
        You were invited as {email}. As a contact you see how many families your school&apos;s links reach (as
        numbers, never who), its own links, QR codes and letters, and its other contacts, who see your email
        address.
      </p>
      <ActionForm
        action={acceptInvitationAction.bind(null, token)}
        permalink={`/school/join/${encodeURIComponent(token)}`}
      >
        <button type="submit" className={buttonClass}>
          Join {school.name}
        </button>
      </ActionForm>
      <p className="mt-6">
        Not for you? Close this page: nothing changes without the button.{" "}
        <Link href="/schools">For schools</Link>
      </p>
    </>
  );
}
