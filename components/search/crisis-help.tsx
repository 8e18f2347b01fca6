// What a search about a child at risk now shows above every guide: 999, what to do (the steps of the
// "if you're worried" guide for the child's age, or a link to it for each age), and where to report and
// get help. The server renders it for /search?q=…, so it shows without JavaScript; the instant search
// renders the same as the parent types.
import Link from "@/components/ui/link";
import { HelpRouteItems } from "@/components/help-routes-list";
import { AGE_GROUPS, ageGroupLabel, type AgeGroupSlug } from "@/lib/guides/age-groups";
import { CRISIS_HELP_ROUTES } from "@/lib/guides/help-routes";
import type { WorriedSteps } from "@/lib/guides/search-index";

export function CrisisHelp({ ageGroups, worried }: { ageGroups: AgeGroupSlug[]; worried: WorriedSteps[] }) {
  const named = worried.filter((guide) => ageGroups.includes(guide.ageGroup));
  const [guide] = named;
  return (
    <section
      aria-labelledby="crisis-help"
      data-testid="crisis-help"
      className="mt-6 rounded-lg border-2 border-brand-700 bg-brand-50 p-4 dark:border-night-link dark:bg-night-raised"
    >
      <h2 id="crisis-help" className="mt-0 text-xl">
        If you&apos;re worried about your child now
      </h2>
      <p className="m-0 mt-2 text-lg font-semibold">
        If a child is in danger right now, call <a href="tel:999">999</a>.
      </p>
      {guide && named.length === 1 ? (
        <>
          <h3 className="mt-4 text-lg">What to do</h3>
          <ol className="m-0 mt-2 list-decimal pl-6">
            {guide.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="m-0 mt-2">
            Each step in full: <Link href={guide.path}>{guide.title}</Link>
          </p>
        </>
      ) : (
        <>
          <h3 className="mt-4 text-lg">What to do, step by step, for your child&apos;s age</h3>
          <ul className="m-0 mt-2 flex flex-wrap gap-x-6 gap-y-1 p-0">
            {(named.length ? named : worried).map((each) => (
              <li key={each.path} className="list-none">
                <Link href={each.path}>
                  {ageGroupLabel(AGE_GROUPS.find((g) => g.slug === each.ageGroup)!)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mt-4 text-lg">Where to report it and get help</h3>
      <HelpRouteItems routes={CRISIS_HELP_ROUTES} className="mt-2" />
    </section>
  );
}
