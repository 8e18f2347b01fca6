import type { Metadata } from "next";
import { GuideCard } from "@/components/guide/guide-card";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { GUIDE_KINDS, topicsInWords } from "@/lib/guides/taxonomy";

export const metadata: Metadata = {
  title: "All guides",
  description: `Every Talk Often guide, by age group and topic: ${topicsInWords()}; starting the conversation, and what to do if you're worried.`,
  alternates: { canonical: "/guides" },
};

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
        <div className="max-w-full min-w-0">
          <label htmlFor="filter-age" className="block font-semibold">
            Age group
          </label>
          <select
            id="filter-age"
            name="age"
            defaultValue={age ?? ""}
            className="mt-1 rounded border border-ink-muted bg-white px-3 py-2 text-ink"
          >
            <option value="">All ages</option>
            {AGE_GROUPS.map((g) => (
              <option key={g.slug} value={g.slug}>
                {ageGroupLabel(g)}
              </option>
            ))}
          </select>
        </div>
        <div className="max-w-full min-w-0">
          <label htmlFor="filter-topic" className="block font-semibold">
            Topic
          </label>
          <select
            id="filter-topic"
            name="topic"
            defaultValue={topic ?? ""}
            className="mt-1 w-full max-w-full rounded border border-ink-muted bg-white px-3 py-2 text-ink"
          >
            <option value="">All topics</option>
            {GUIDE_KINDS.map((k) => (
              <option key={k.slug} value={k.slug}>
                {k.title}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
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
