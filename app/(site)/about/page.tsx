// /about: who is behind Talk Often, how the guides are written and checked, their sources (from the
// guides' front matter), and privacy in plain words. Static, like the guides.
import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import Link from "@/components/ui/link";
import { REVIEW_EVERY_MONTHS } from "@/lib/guides/content-review";
import { getGuides } from "@/lib/guides/load-guides";
import { formatReviewDate, guideSources } from "@/lib/guides/about-guides";

export const metadata: Metadata = publicPage(
  "/about",
  "About Talk Often",
  "Who is behind Talk Often, how its guides are written and checked, where their advice comes from, and what it keeps about you.",
);

export default function AboutPage() {
  const guides = getGuides();
  const sources = guideSources(guides);
  const reviews = guides.map((guide) => guide.frontMatter.lastReviewed).sort();
  return (
    <>
      <h1>About Talk Often</h1>
      <p className="text-lg">
        Talk Often helps parents and carers keep talking with their children about staying safe online: short
        guides for each age, and a monthly reminder to have the talk.
      </p>

      <h2>Who is behind it</h2>
      <p>
        Talk Often is an independent website. It is not part of the police, CEOP, the NSPCC or any school, and
        it speaks for none of them. It is free, has no adverts and sells nothing. The advice in the guides
        comes from the organisations that protect children, listed below, put into our own words.
      </p>
      <p>
        Schools may send you here with a letter or a link of their own. A school chooses to share Talk Often;
        it does not write the guides, and it never learns who you are.
      </p>

      <h2>How the guides are written and checked</h2>
      <ul className="list-disc pl-6">
        <li>
          Each guide is written for one age group (the bands CEOP&apos;s Thinkuknow uses), in plain words:
          short sentences, calm, never alarmist.
        </li>
        <li>
          Every fact in a guide (a figure, a law, an age limit, how an app works) is checked against a named
          source, and the guide lists its sources at the end.
        </li>
        <li>
          A guide shows the date it was last reviewed, and is due to be read again against its sources{" "}
          {REVIEW_EVERY_MONTHS} months after that. The latest review was on{" "}
          {formatReviewDate(reviews.at(-1)!)}; the oldest guide was last reviewed on{" "}
          {formatReviewDate(reviews[0]!)}.
        </li>
        <li>
          Automatic checks refuse a figure with no source, a missing section or a sentence that is too long,
          and make sure every guide ends with where to get help.
        </li>
      </ul>

      <h2 id="sources">Where the advice comes from</h2>
      <p>The guides are written from the public advice and reporting of:</p>
      <ul className="list-disc pl-6">
        {sources.map((source) => (
          <li key={source.publisher}>
            {source.publisher} ({source.guides} {source.guides === 1 ? "guide" : "guides"})
          </li>
        ))}
      </ul>

      <h2 id="privacy">Your privacy, in plain words</h2>
      <ul className="list-disc pl-6">
        <li>
          You can read every guide without an account. We do not track you: no analytics, no adverts, nothing
          from other sites.
        </li>
        <li>
          For a monthly reminder we keep your email address, roughly how old your child is (an age group, or a
          birth month and year), when in the month suits you, and the talks you choose to log.
        </li>
        <li>
          We never ask for your child&apos;s name, photo or school. A nickname is optional, and only you see
          it.
        </li>
        <li>
          A school that gave you its link sees how many families signed up through it, as a number, never who
          you are. It counts your family in its other totals only if you tick the box that lets it. Each
          figure has a little random noise added, so that no figure gives away one family.
        </li>
        <li>The only cookies are the ones that signing in needs.</li>
        <li>
          You can download everything we keep about you, or delete your account, in one step each from{" "}
          <Link href="/account/data">your data</Link>.
        </li>
      </ul>

      <p className="mt-8">
        <Link href="/">Back to the guides</Link>
      </p>
    </>
  );
}
