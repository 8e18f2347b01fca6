import { HELP_ROUTES } from "@/lib/help-routes";

/** The four places to get help, as a list; used in the footer and at the end of every guide. */
export function HelpRoutesList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="help-routes-heading">
      <Heading id="help-routes-heading" className="mt-0 text-xl font-bold">
        Where to get help
      </Heading>
      <ul className="m-0 mt-3 grid gap-3 p-0 sm:grid-cols-2">
        {HELP_ROUTES.map((route) => (
          <li key={route.id} className="list-none">
            <p className="m-0 font-semibold">{route.name}</p>
            <p className="m-0">{route.when}</p>
            <p className="m-0">
              <a href={route.href}>{route.linkText}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
