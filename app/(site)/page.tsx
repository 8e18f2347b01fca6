import { buttonLinkClass } from "@/components/ui/field";
import Link from "@/components/ui/link";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";
import { topicsInWords } from "@/lib/guides/taxonomy";

export default function HomePage() {
  return (
    <>
      <h1>Keep talking with your child about staying safe online</h1>
      <p className="text-lg">
        Most parents know the risks. The hard part is having the conversation, and having it again next month.
        Talk Often gives you short guides that tell you what to say to a child of your child&apos;s age, and a
        monthly reminder to have the talk.
      </p>
      <p>
        The guides cover {topicsInWords()}. Each one takes about five minutes to read, and ends with where to
        get help.
      </p>

      <h2 id="pick-age">How old is your child?</h2>
      <ul aria-labelledby="pick-age" className="m-0 mt-4 grid gap-3 p-0 sm:grid-cols-2">
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
