// The components a guide's MDX may use (content/README.md), rendered for the page and for print.
import type { ReactNode } from "react";
import { HelpRoutesList } from "@/components/help-routes-list";
import type { GuideComponent } from "@/lib/guides/guide-component-names";
import { NEVER_ASK_FOR_THE_IMAGE } from "@/lib/guides/never-ask-for-the-image";

type Children = { children?: ReactNode };

/** A guide's section with its fixed heading (`id` is the heading's, for links and aria-labelledby). */
function section(title: string, id: string) {
  function GuideSection({ children }: Children) {
    return (
      <section aria-labelledby={id} className="guide-section">
        <h2 id={id}>{title}</h2>
        {children}
      </section>
    );
  }
  return GuideSection;
}

export const guideComponents = {
  WhyItMatters: section("Why it matters at this age", "why-it-matters"),
  WhatItCanLookLike: section("What it can look like", "what-it-can-look-like"),
  ConversationStarters: ({ children }: Children) => (
    <section aria-labelledby="conversation-starters" className="starter-card">
      <h2 id="conversation-starters">Conversation starters</h2>
      <p className="starter-card-hint">Things you could say. Pick one that fits the moment.</p>
      <ul className="starter-list">{children}</ul>
    </section>
  ),
  Starter: ({ children }: Children) => <li>{children}</li>,
  ListenFor: section("What to listen for", "what-to-listen-for"),
  DoTogether: section("Things to do together", "do-together"),
  Activity: ({ title, children }: Children & { title: string }) => (
    <div className="activity">
      <h3>{title}</h3>
      {children}
    </div>
  ),
  Steps: ({ children }: Children) => <ol className="steps">{children}</ol>,
  Step: ({ title, children }: Children & { title: string }) => (
    <li>
      <h3>{title}</h3>
      {children}
    </li>
  ),
  Callout: ({ children }: Children) => (
    <div role="note" className="callout">
      {children}
    </div>
  ),
  // Fixed words (lib/guides/never-ask-for-the-image.ts) beside every mention of Report Remove or Take It Down.
  NeverAskForTheImage: () => (
    <div role="note" className="callout never-ask">
      <p>
        <strong>{NEVER_ASK_FOR_THE_IMAGE.title}</strong> {NEVER_ASK_FOR_THE_IMAGE.sentences.join(" ")}
      </p>
    </div>
  ),
  Explain: ({ term, children }: Children & { term: string }) => (
    <>
      <dfn>{term}</dfn> ({children})
    </>
  ),
  HelpRoutes: () => (
    <div className="guide-help page-help">
      <HelpRoutesList id="page-help-routes" />
    </div>
  ),
} satisfies Record<GuideComponent, unknown>;
