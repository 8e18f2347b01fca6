import { PrintedLink } from "@/components/guide/printed-link";
import { HELP_ROUTES, type HelpRoute } from "@/lib/guides/help-routes";

/**
 * The four places to get help, as a list; used in the footer and at the end of every guide.
 * In the footer it is not a region of its own (the footer is already a landmark), so that a page
 * with both has one "Where to get help" region.
 */
export function HelpRoutesList({
  id,
  headingLevel = 2,
  region = true,
}: {
  id: string;
  headingLevel?: 2 | 3;
  region?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  const Wrapper = region ? "section" : "div";
  return (
    <Wrapper aria-labelledby={region ? id : undefined}>
      <Heading id={id} className="mt-0 text-xl font-bold">
        Where to get help
      </Heading>
      <HelpRouteItems routes={HELP_ROUTES} className="mt-3" />
    </Wrapper>
  );
}

/** Help routes as a two-column list: each one's name, when to use it and its link. */
export function HelpRouteItems({
  routes,
  className = "",
}: {
  routes: readonly HelpRoute[];
  className?: string;
}) {
  return (
    <ul className={`m-0 grid gap-3 p-0 sm:grid-cols-2 ${className}`}>
      {routes.map((route) => (
        <li key={route.id} className="list-none">
          <p className="m-0 font-semibold">{route.name}</p>
          <p className="m-0">{route.when}</p>
          <p className="m-0">
            <PrintedLink href={route.href}>{route.linkText}</PrintedLink>
          </p>
        </li>
      ))}
    </ul>
  );
}
