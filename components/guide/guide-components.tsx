// The components a guide's MDX may use (content/README.md), rendered for the page and for print.
import type { ReactNode } from "react";
import { HelpRoutesList } from "@/components/help-routes-list";
import type { GuideComponent } from "@/lib/guides/guide-component-names";
import { NEVER_ASK_FOR_THE_IMAGE } from "@/lib/guides/never-ask-for-the-image";

type Children = { children?: ReactNode };

function Section({ title, id, children }: Children & { title: string; id: string }) {
  return (
    <section aria-labelledby={id} className="guide-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export const guideComponents = {
  WhyItMatters: ({ children }: Children) => (
    <Section title="Why it matters at this age" id="why-it-matters">
      {children}
    </Section>
  ),
  WhatItCanLookLike: ({ children }: Children) => (
    <Section title="What it can look like" id="what-it-can-look-like">
      {children}
    </Section>
  ),
  ConversationStarters: ({ children }: Children) => (
    <section aria-labelledby="conversation-starters" className="starter-card">
      <h2 id="conversation-starters">Conversation starters</h2>
      <p className="starter-card-hint">Things you could say. Pick one that fits the moment.</p>
      <ul className="starter-list">{children}</ul>
    </section>
  ),
  Starter: ({ children }: Children) => <li>{children}</li>,
  ListenFor: ({ children }: Children) => (
    <Section title="What to listen for" id="what-to-listen-for">
      {children}
    </Section>
  ),
  DoTogether: ({ children }: Children) => (
    <Section title="Things to do together" id="do-together">
      {children}
    </Section>
  ),
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
