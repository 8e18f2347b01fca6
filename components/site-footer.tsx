import { HelpRoutesList } from "@/components/help-routes-list";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-brand-100 bg-brand-50 dark:border-night-raised dark:bg-night-raised">
      <div className="mx-auto max-w-3xl px-4 py-8">
        <HelpRoutesList id="help" region={false} />
        <p className="mt-8 text-sm text-ink-muted dark:text-night-muted">
          Talk Often is free, has no adverts and does not track you.
        </p>
      </div>
    </footer>
  );
}
