import { AccountNavLink } from "@/components/account-nav-link";
import Link from "@/components/ui/link";

const NAV = [
  { href: "/guides", label: "Guides" },
  { href: "/search", label: "Search" },
  { href: "/schools", label: "For schools" },
  { href: "/account", label: "Monthly check-ins" },
  { href: "#help", label: "Get help now" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-brand-100 bg-white print:border-0 dark:border-night-raised dark:bg-night-raised">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800 no-underline dark:text-night-ink">
          Talk Often
        </Link>
        <nav aria-label="Main" className="print:hidden">
          <ul className="m-0 flex flex-wrap gap-x-5 gap-y-1 p-0">
            {NAV.map((item) => (
              <li key={item.href} className="list-none">
                {item.href === "/account" ? (
                  <AccountNavLink />
                ) : (
                  <Link href={item.href} className="font-medium">
                    {item.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
