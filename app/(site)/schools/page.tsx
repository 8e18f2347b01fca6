import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { QrCode } from "@/components/schools/qr-code";
import { CopyButton } from "@/components/schools/copy-button";
import { HelpRoutesList } from "@/components/help-routes-list";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { embedSnippet, feedUrl, hubUrl, newsletterHtml, newsletterText } from "@/lib/schools/school-kit";

export const metadata: Metadata = {
  title: "For schools",
  description:
    "Stable links, QR codes, a printable letter home and newsletter text for each age group. Free, no adverts, and nothing collected about pupils.",
  alternates: { canonical: "/schools" },
};

export default function SchoolsPage() {
  return (
    <>
      <h1>For schools</h1>
      <p className="text-lg">
        Talk Often gives parents and carers short guides on what to say to their child about staying safe
        online, written for each age group. It is free, has no adverts, and collects nothing about pupils.
        Parents need no account to read the guides.
      </p>
      <p>
        Below, for each age group, is a link you can trust to keep working for years, a QR code for slides and
        posters, a paragraph for your newsletter, a one-page letter to send home, and the guides for your own
        website: a block to paste into a page, and a feed for tools that read feeds.
      </p>

      {AGE_GROUPS.map((group) => {
        const url = hubUrl(group);
        const text = newsletterText(group);
        const html = newsletterHtml(group);
        const id = `ages-${group.slug}`;
        return (
          <section
            key={group.slug}
            aria-labelledby={id}
            className="mt-10 rounded-lg border border-brand-100 p-5 dark:border-night-raised"
          >
            <h2 id={id} className="mt-0">
              {ageGroupLabel(group)}
            </h2>
            <div className="mt-4 flex flex-wrap items-start gap-6">
              <QrCode url={url} label={`QR code for ${url}`} className="w-36 shrink-0 bg-white p-1" />
              <div className="min-w-0 flex-1 basis-56">
                <p className="m-0 font-semibold">Link for parents</p>
                <p className="m-0 mt-1">
                  <code className="break-all select-all">{url}</code>
                </p>
                <p className="mt-2">
                  <CopyButton text={url} label="Copy link" />
                </p>
                <p className="mt-2">
                  Download the QR code:{" "}
                  <a href={`/schools/qr/${group.slug}.svg`} download={`talk-often-ages-${group.slug}.svg`}>
                    SVG<span className="sr-only"> for {ageGroupLabel(group).toLowerCase()}</span>
                  </a>{" "}
                  or{" "}
                  <a href={`/schools/qr/${group.slug}.png`} download={`talk-often-ages-${group.slug}.png`}>
                    PNG<span className="sr-only"> for {ageGroupLabel(group).toLowerCase()}</span>
                  </a>
                </p>
                <p className="mt-2">
                  <Link href={`/schools/letter/${group.slug}`}>
                    Letter home for {ageGroupLabel(group).toLowerCase()}
                  </Link>{" "}
                  (one A4 page to print)
                </p>
              </div>
            </div>
            <h3>Newsletter paragraph</h3>
            <p className="m-0 mt-2 rounded bg-brand-50 p-3 [overflow-wrap:anywhere] select-all dark:bg-night-raised">
              {text}
            </p>
            <p className="mt-2">
              <CopyButton text={text} label="Copy paragraph" />
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer font-semibold">HTML version, for a web newsletter</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-brand-50 p-3 text-sm whitespace-pre-wrap select-all dark:bg-night-raised">
                {html}
              </pre>
              <CopyButton text={html} label="Copy HTML" />
            </details>
            <h3>On your school&apos;s website</h3>
            <p className="m-0">
              Paste this into a page of your website to show these guides there (it needs no script; its links
              open the guide on Talk Often):
            </p>
            <pre className="mt-2 rounded bg-brand-50 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] select-all dark:bg-night-raised">
              {embedSnippet(group)}
            </pre>
            <p className="mt-2">
              <CopyButton text={embedSnippet(group)} label="Copy the code" />
            </p>
            <p className="mt-2">
              Or give your website&apos;s news or newsletter tool this feed (Atom):{" "}
              <code className="break-all select-all">{feedUrl(group)}</code>
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer font-semibold">
                Preview<span className="sr-only"> of the block for {ageGroupLabel(group).toLowerCase()}</span>
              </summary>
              <iframe
                src={`/embed/${group.slug}`}
                title={`Preview: Talk Often guides for ${ageGroupLabel(group).toLowerCase()}`}
                className="mt-2 h-[640px] w-full rounded border border-brand-100 dark:border-night-raised"
                loading="lazy"
              />
            </details>
          </section>
        );
      })}

      <h2>For teachers</h2>
      <p>The guides a teacher would most often point a parent to:</p>
      <ul>
        {AGE_GROUPS.map((group) => (
          <li key={group.slug}>
            {ageGroupLabel(group)}:{" "}
            <Link href={`/guides/${group.slug}/start-talking`}>starting the conversation</Link> and{" "}
            <Link href={`/guides/${group.slug}/if-youre-worried`}>if you&apos;re worried</Link>
          </li>
        ))}
      </ul>
      <p>
        If a pupil tells you something that worries you, follow your school&apos;s safeguarding policy and
        speak to your designated safeguarding lead. The public help routes are:
      </p>
      <div className="mt-4 rounded-lg bg-brand-50 p-4 dark:bg-night-raised">
        <HelpRoutesList id="schools-help-routes" />
      </div>
    </>
  );
}
