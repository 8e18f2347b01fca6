// One age group's kit for schools: the link and its QR code, the letter home, the newsletter paragraph,
// and the guides for the school's own website (the block and the feed). On /schools, the public kit;
// on a registered school's page, its own (`code`): links to the monthly reminder that carry the code,
// and letters with the school's name.
import Link from "@/components/ui/link";
import { CopyButton } from "@/components/schools/copy-button";
import { QrCode } from "@/components/schools/qr-code";
import { ageGroupLabel, type AgeGroup } from "@/lib/guides/age-groups";
import {
  embedPath,
  embedSnippet,
  feedUrl,
  hubUrl,
  newsletterHtml,
  newsletterText,
  remindUrl,
} from "@/lib/schools/school-kit";

/** `collapsed`: the kit behind a "Show" line under its heading (the public /schools page, four kits). */
export function SchoolKitSection({
  group,
  code,
  collapsed = false,
}: {
  group: AgeGroup;
  code?: string;
  collapsed?: boolean;
}) {
  const id = `ages-${group.slug}`;
  return (
    <section
      aria-labelledby={id}
      className={`${collapsed ? "mt-4" : "mt-10"} rounded-lg border border-brand-100 p-5 dark:border-night-raised`}
    >
      <h2 id={id} className="mt-0">
        {ageGroupLabel(group)}
      </h2>
      {collapsed ? (
        <details>
          <summary className="cursor-pointer font-semibold">
            Show the link, QR code, letter home and newsletter text
            <span className="sr-only"> for {ageGroupLabel(group).toLowerCase()}</span>
          </summary>
          <KitBody group={group} code={code} />
        </details>
      ) : (
        <KitBody group={group} code={code} />
      )}
    </section>
  );
}

function KitBody({ group, code }: { group: AgeGroup; code?: string }) {
  const url = code ? remindUrl(group, code) : hubUrl(group);
  const text = newsletterText(group, code);
  const html = newsletterHtml(group, code);
  const files = code ? `/school/${code}` : "/schools";
  return (
    <>
      <div className="mt-4 flex flex-wrap items-start gap-6">
        <QrCode url={url} label={`QR code for ${url}`} className="w-36 shrink-0 bg-white p-1" />
        <div className="min-w-0 flex-1 basis-56">
          <p className="m-0 font-semibold">{code ? "Your school's link for parents" : "Link for parents"}</p>
          <p className="m-0 mt-1">
            <code className="break-all select-all">{url}</code>
          </p>
          <p className="mt-2">
            <CopyButton text={url} label="Copy link" />
          </p>
          <p className="mt-2">
            Download the QR code:{" "}
            <a href={`${files}/qr/${group.slug}.svg`} download={`talk-often-ages-${group.slug}.svg`}>
              SVG<span className="sr-only"> for {ageGroupLabel(group).toLowerCase()}</span>
            </a>{" "}
            or{" "}
            <a href={`${files}/qr/${group.slug}.png`} download={`talk-often-ages-${group.slug}.png`}>
              PNG<span className="sr-only"> for {ageGroupLabel(group).toLowerCase()}</span>
            </a>
          </p>
          <p className="mt-2">
            <Link href={`${files}/letter/${group.slug}`}>
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
        Paste this into a page of your website to show these guides there (it needs no script; its links open
        the guide on Talk Often):
      </p>
      <pre className="mt-2 rounded bg-brand-50 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] select-all dark:bg-night-raised">
        {embedSnippet(group, code)}
      </pre>
      <p className="mt-2">
        <CopyButton text={embedSnippet(group, code)} label="Copy the code" />
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
          src={embedPath(group, code)}
          title={`Preview: Talk Often guides for ${ageGroupLabel(group).toLowerCase()}`}
          className="mt-2 h-[640px] w-full rounded border border-brand-100 dark:border-night-raised"
          loading="lazy"
        />
      </details>
    </>
  );
}
