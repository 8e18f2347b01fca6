import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import { GuideCard } from "@/components/guide/guide-card";
import { buttonClass, SelectField } from "@/components/ui/field";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { GUIDE_KINDS, topicsInWords } from "@/lib/guides/taxonomy";

export const metadata: Metadata = publicPage(
  "/guides",
  "All guides",
  `Every Talk Often guide, by age group and topic: ${topicsInWords()}; starting the conversation, and what to do if you're worried.`,
);

const filterClass = "rounded border border-ink-muted bg-white px-3 py-2 text-ink";

type Search = { age?: string | string[]; topic?: string | string[] };

export default async function GuidesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const query = await searchParams;
  const age = AGE_GROUPS.find((g) => g.slug === first(query.age))?.slug;
  const topic = GUIDE_KINDS.find((k) => k.slug === first(query.topic))?.slug;
  const guides = getGuides().filter((g) => (!age || g.ageGroup === age) && (!topic || g.slug === topic));

  return (
    <>
      <h1>All guides</h1>
      <p>
        Each guide tells you what to say to a child of a given age, and ends with where to get help. Pick an
        age group or a topic to narrow the list.
      </p>
      <form
        method="get"
        action="/guides"
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg bg-brand-50 p-4 dark:bg-night-raised"
        aria-label="Filter guides"
      >
        <SelectField
          id="filter-age"
          name="age"
          label="Age group"
          defaultValue={age ?? ""}
          empty="All ages"
          choices={AGE_GROUPS.map((g) => ({ value: g.slug, label: ageGroupLabel(g) }))}
          fieldClassName="max-w-full min-w-0"
          className={filterClass}
        />
        <SelectField
          id="filter-topic"
          name="topic"
          label="Topic"
          defaultValue={topic ?? ""}
          empty="All topics"
          choices={GUIDE_KINDS.map((k) => ({ value: k.slug, label: k.title }))}
          fieldClassName="max-w-full min-w-0"
          className={`${filterClass} w-full max-w-full`}
        />
        <button type="submit" className={buttonClass}>
          Show guides
        </button>
      </form>
      <p role="status" className="mt-6 font-semibold">
        {guides.length === 1 ? "1 guide" : `${guides.length} guides`}
        {age ? ` for ages ${age.replace("-", " to ")}` : ""}
        {topic ? ` about ${GUIDE_KINDS.find((k) => k.slug === topic)!.title.toLowerCase()}` : ""}
      </p>
      <ul className="m-0 mt-4 grid gap-3 p-0">
        {guides.map((guide) => (
          <GuideCard key={guide.path} guide={guide} showAge headingLevel={2} />
        ))}
      </ul>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
