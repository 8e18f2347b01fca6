import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import Link from "@/components/ui/link";
import { SchoolKitSection } from "@/components/schools/school-kit-section";
import { HelpRoutesList } from "@/components/help-routes-list";
import { AGE_GROUPS, ageGroupLabel } from "@/lib/guides/age-groups";

export const metadata: Metadata = publicPage(
  "/schools",
  "For schools",
  "Stable links, QR codes, a printable letter home and newsletter text for each age group. Free, no adverts, and nothing collected about pupils.",
);

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
        Below, for each age group (open the one you need), is a link you can trust to keep working for years,
        a QR code for slides and posters, a paragraph for your newsletter, a one-page letter to send home, and
        the guides for your own website: a block to paste into a page, and a feed for tools that read feeds.
      </p>

      <section aria-labelledby="your-school" className="mt-6 rounded-lg bg-brand-50 p-4 dark:bg-night-raised">
        <h2 id="your-school" className="mt-0">
          Your school&apos;s own links, and the families they reach
        </h2>
        <p className="m-0">
          Register your school to get the same links, QR codes, letters and newsletter text carrying your
          school&apos;s code, with its name already on the letters, and to see how many families sign up
          through them and keep up their monthly check-ins. Numbers only, updated once a month, with a little
          random noise in each so that no figure gives away one family: you never see who a family is.
        </p>
        <p className="mb-0">
          <Link href="/schools/register">Register your school, or see the schools you have registered</Link>
        </p>
      </section>

      {AGE_GROUPS.map((group) => (
        <SchoolKitSection key={group.slug} group={group} collapsed />
      ))}

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
      <div className="page-help mt-4 rounded-lg bg-brand-50 p-4 dark:bg-night-raised">
        <HelpRoutesList id="page-help-routes" />
      </div>
    </>
  );
}
