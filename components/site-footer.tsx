import { HelpRoutesList } from "@/components/help-routes-list";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-brand-100 bg-brand-50 dark:border-night-raised dark:bg-night-raised">
      <div className="mx-auto max-w-3xl px-4 py-8">
        {/* A guide or a hub has its own "Where to get help" box: there the footer points to it instead of
            repeating it (app/globals.css, .page-help). */}
        <div id="help">
          <div className="footer-help">
            <HelpRoutesList id="footer-help-routes" region={false} />
          </div>
          <p className="footer-help-pointer m-0">
            <strong>Need help now?</strong> <a href="#page-help-routes">See where to get help</a> on this
            page: call 999 if a child is in danger now.
          </p>
        </div>
        <p className="mt-8 text-sm text-ink-muted dark:text-night-muted">
          Talk Often is free, has no adverts and does not track you.
        </p>
      </div>
    </footer>
  );
}
