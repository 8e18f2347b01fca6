import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuideCard } from "@/components/guide/guide-card";
import { HelpRoutesList } from "@/components/help-routes-list";
import { RemindInvitation } from "@/components/remind/remind-invitation";
import { AGE_GROUPS, ageGroupLabel, findAgeGroup } from "@/lib/guides/age-groups";
import { AGE_HUBS } from "@/lib/guides/age-hubs";
import { getGuides } from "@/lib/guides/load-guides";
import { isTopic, TOPICS, topicsInWords } from "@/lib/guides/taxonomy";

type Params = { age: string };

// Only the prerendered pages: an unknown one is a 404 that writes nothing to the cache (a loop of
// made-up URLs must not fill the disk). Other spellings of a page are redirected by proxy.ts.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  getGuides(); // fail the build early, with the list of problems, if any guide is broken
  return AGE_GROUPS.map((group) => ({ age: group.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const group = findAgeGroup((await params).age);
  if (!group) return {};
  const title = `Talking about staying safe online: ${ageGroupLabel(group).toLowerCase()}`;
  const description = `Guides for parents and carers of children aged ${group.from} to ${group.to}: what to say about ${topicsInWords()}.`;
  return {
    title,
    description,
    alternates: { canonical: `/guides/${group.slug}` },
    openGraph: { title, description, url: `/guides/${group.slug}` },
  };
}

export default async function AgeHubPage({ params }: { params: Promise<Params> }) {
  const { age } = await params;
  const group = findAgeGroup(age);
  if (!group) notFound();
  const hub = AGE_HUBS[group.slug];
  const guides = getGuides().filter((guide) => guide.ageGroup === group.slug);
  // In the taxonomy's order, as the letter and the monthly check-ins have them.
  const topics = TOPICS.flatMap((topic) => guides.filter((guide) => guide.slug === topic.slug));
  const everyAge = guides.filter((guide) => !isTopic(guide.slug));

  return (
    <>
      <h1>
        Talking with children aged {group.from} to {group.to} about staying safe online
      </h1>
      <p className="text-lg">{hub.intro}</p>
      <RemindInvitation group={group} />
      <h2>What children of this age do online</h2>
      <ul>
        {hub.online.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>Start here</h2>
      <ul className="m-0 mt-4 grid gap-3 p-0">
        {everyAge.map((guide) => (
          <GuideCard key={guide.path} guide={guide} />
        ))}
      </ul>
      <h2>Guides by topic</h2>
      <ul className="m-0 mt-4 grid gap-3 p-0">
        {topics.map((guide) => (
          <GuideCard key={guide.path} guide={guide} />
        ))}
      </ul>
      <div className="page-help mt-10 rounded-lg bg-brand-50 p-4 dark:bg-night-raised">
        <HelpRoutesList id="page-help-routes" />
      </div>
    </>
  );
}
