// The one-page letter home (A4 when printed): what Talk Often is, the topics, the two QR codes (the
// guides, and the monthly reminder: a registered school's own link when it has one), the help routes.
import { QrCode } from "@/components/schools/qr-code";
import type { AgeGroup } from "@/lib/guides/age-groups";
import { HELP_ROUTES } from "@/lib/guides/help-routes";
import { TOPICS } from "@/lib/guides/taxonomy";
import { hubUrl, readingTimeFor } from "@/lib/schools/school-kit";

export function LetterBody({
  group,
  schoolName,
  remind,
}: {
  group: AgeGroup;
  schoolName: string | null;
  remind: string;
}) {
  const url = hubUrl(group);
  return (
    <>
      {schoolName && <p className="letter-school mt-8 text-xl font-bold">{schoolName}</p>}
      <h1 className="mt-6">Helping your child stay safe online</h1>
      <p>Dear parent or carer,</p>
      <p>
        Children aged {group.from} to {group.to} spend more and more time online. Most of it is good fun. But
        the police and the National Crime Agency say the best protection is simple: talk with your child,
        often, about what they do online and who they talk to. Many parents mean to have that talk and never
        quite find the moment.
      </p>
      <p>
        Talk Often is a free website with short guides written for children of this age. Each one tells you
        what to say, what to listen for and what to do together, and takes {readingTimeFor(group)} to read.
        There are no adverts. If you would like a nudge, it can send you a monthly reminder to talk, with a
        conversation starter for your child&apos;s age: set it up in one step with the second code.
      </p>
      <h2>What the guides talk about</h2>
      {/* Titles only, in two columns, so that the letter stays on one A4 page as topics are added. */}
      <ul className="grid list-disc gap-x-8 gap-y-1 pl-6 sm:grid-cols-2 print:grid-cols-2">
        {TOPICS.map((topic) => (
          <li key={topic.slug}>{topic.title}</li>
        ))}
      </ul>
      <div className="letter-link mt-6 grid gap-6 sm:grid-cols-2 print:grid-cols-2">
        <div className="flex items-center gap-3">
          <QrCode url={url} label={`QR code for ${url}`} className="w-28 shrink-0 bg-white p-1" />
          <div>
            <p className="m-0">The guides: scan the code, or type</p>
            <p className="m-0 mt-1 font-bold break-all">{url}</p>
          </div>
        </div>
        <div className="flex items-center gap-3">
          <QrCode url={remind} label={`QR code for ${remind}`} className="w-28 shrink-0 bg-white p-1" />
          <div>
            <p className="m-0">A monthly reminder: scan the code, or type</p>
            <p className="m-0 mt-1 font-bold break-all">{remind}</p>
          </div>
        </div>
      </div>
      <h2>If you&apos;re worried about a child</h2>
      <ul className="letter-help">
        {HELP_ROUTES.map((route) => (
          <li key={route.id}>
            <strong>{route.name}</strong>
            {route.phone ? `: ${route.phone}` : ""}. {route.when}
            {route.id === "ceop" ? " ceop.police.uk" : ""}
          </li>
        ))}
      </ul>
      <p>You can also talk to us at school at any time.</p>
    </>
  );
}
