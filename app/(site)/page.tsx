// The home page. On a phone's first screen (390×844): what this is, who is behind it (/about) and the
// one action, the age buttons; what the guides cover and the monthly reminder follow.
import { buttonLinkClass } from "@/components/ui/field";
import Link from "@/components/ui/link";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { getGuides } from "@/lib/guides/load-guides";
import { readingTimeRange } from "@/lib/guides/reading-time";
import { topicsInWords } from "@/lib/guides/taxonomy";

export default function HomePage() {
  return (
    <>
      <h1>Keep talking with your child about staying safe online</h1>
      <p className="text-lg">
        Free, short guides on what to say to a child of your child&apos;s age, and a monthly reminder to have
        the talk. No adverts, no tracking.{" "}
        <Link href="/about">Who we are, and how the guides are checked</Link>.
      </p>

      <h2 id="pick-age" className="mt-6">
        How old is your child?
      </h2>
      <ul aria-labelledby="pick-age" className="m-0 mt-3 grid grid-cols-2 gap-3 p-0">
        {AGE_GROUPS.map((group) => (
          <li key={group.slug} className="list-none">
            <Link
              href={`/guides/${group.slug}`}
              className="block rounded-lg border-2 border-brand-600 px-4 py-3 text-lg font-semibold no-underline hover:bg-brand-50 dark:hover:bg-night-raised"
            >
              {ageGroupLabel(group)}
            </Link>
          </li>
        ))}
      </ul>

      <h2>What the guides cover</h2>
      <p>
        Most parents know the risks. The hard part is having the conversation, and having it again next month.
        The guides cover {topicsInWords()}, and how to start talking and what to do if you&apos;re worried.
        Each one takes {readingTimeRange(getGuides())} to read, and ends with where to get help.
      </p>

      <h2>A nudge each month</h2>
      <p>
        Give us your email address and roughly how old your child is: no password. We will send you one short
        conversation prompt each month, at a time that suits you. We never ask for your child&apos;s name,
        photo or school.
      </p>
      <p className="print:hidden">
        <Link href="/remind" className={buttonLinkClass}>
          Set up a monthly reminder
        </Link>
      </p>
    </>
  );
}
