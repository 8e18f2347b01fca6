import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { GuideBody } from "@/components/guide/guide-body";
import { RemindInvitation } from "@/components/remind/remind-invitation";
import { AGE_GROUPS, ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { findGuide, getGuides } from "@/lib/guides/load-guides";
import { readingMinutes } from "@/lib/guides/reading-time";
import { findGuideKind, isTopic } from "@/lib/guides/taxonomy";

type Params = { age: string; topic: string };

// Only the prerendered pages: an unknown one is a 404 that writes nothing to the cache (a loop of
// made-up URLs must not fill the disk). Other spellings of a page are redirected by proxy.ts.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getGuides().map((guide) => ({ age: guide.ageGroup, topic: guide.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { age, topic } = await params;
  const guide = findGuide(age, topic);
  if (!guide) return {};
  return {
    title: guide.frontMatter.title,
    description: guide.frontMatter.description,
    alternates: { canonical: guide.path },
    openGraph: {
      title: guide.frontMatter.title,
      description: guide.frontMatter.description,
      url: guide.path,
      type: "article",
    },
  };
}

export default async function GuidePage({ params }: { params: Promise<Params> }) {
  const { age, topic } = await params;
  const guide = findGuide(age, topic);
  if (!guide) notFound();
  const group = findAgeGroup(guide.ageGroup)!;
  const kind = findGuideKind(guide.slug)!;
  const others = getGuides().filter((g) => g.ageGroup === guide.ageGroup && g.slug !== guide.slug);
  const minutes = readingMinutes(guide);
  const otherAges = AGE_GROUPS.filter((g) => g.slug !== guide.ageGroup);

  return (
    <article className="guide">
      <nav aria-label="Breadcrumb" className="breadcrumb text-sm print:hidden">
        <ol className="m-0 flex flex-wrap gap-x-2 p-0">
          <li className="list-none">
            <Link href="/guides">Guides</Link>
          </li>
          <li className="list-none">
            <Link href={`/guides/${group.slug}`}>{ageGroupLabel(group)}</Link>
          </li>
          <li className="list-none" aria-current="page">
            {kind.title}
          </li>
        </ol>
      </nav>
      <h1 className="mt-4">{guide.frontMatter.title}</h1>
      <p className="text-lg">{guide.frontMatter.description}</p>
      <p className="m-0 text-sm text-ink-muted dark:text-night-muted" data-testid="reading-time">
        About {minutes} minute{minutes === 1 ? "" : "s"} to read, at the pace of a careful read.
      </p>
      <RemindInvitation
        group={group}
        topic={isTopic(guide.slug) ? { slug: guide.slug, title: kind.title } : undefined}
      />
      <GuideBody guide={guide} />

      <footer className="guide-sources mt-10 border-t border-brand-100 pt-6 text-sm dark:border-night-raised">
        <p className="m-0">
          Last reviewed{" "}
          <time dateTime={guide.frontMatter.lastReviewed}>
            {new Date(`${guide.frontMatter.lastReviewed}T12:00:00Z`).toLocaleDateString("en-GB", {
              day: "numeric",
              month: "long",
              year: "numeric",
            })}
          </time>
          . Written in our own words from the public advice of:
        </p>
        <ul className="mt-2">
          {guide.frontMatter.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url}>{source.title}</a> ({source.publisher})
            </li>
          ))}
        </ul>
      </footer>

      <nav aria-label="More guides" className="mt-10 print:hidden">
        <h2>More for {ageGroupLabel(group).toLowerCase()}</h2>
        <ul>
          {others.map((g) => (
            <li key={g.path}>
              <Link href={g.path}>{g.frontMatter.title}</Link>
            </li>
          ))}
        </ul>
        <p>
          This guide for another age:{" "}
          {otherAges.map((g, i) => (
            <span key={g.slug}>
              {i > 0 && ", "}
              <Link href={`/guides/${g.slug}/${guide.slug}`}>{ageGroupLabel(g)}</Link>
            </span>
          ))}
        </p>
      </nav>
    </article>
  );
}
