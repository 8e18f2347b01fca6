// The components a guide's MDX may use (content/README.md), named once: the content check accepts these
// and no others, and components/guide/guide-components.tsx renders each.
export const COMPONENTS = [
  "WhyItMatters",
  "WhatItCanLookLike",
  "ConversationStarters",
  "Starter",
  "ListenFor",
  "DoTogether",
  "Activity",
  "HelpRoutes",
  "Steps",
  "Step",
  "Callout",
  "NeverAskForTheImage",
  "Explain",
] as const;

export type GuideComponent = (typeof COMPONENTS)[number];

/** Components whose body the reader sees as a section or a card: each must have words in it. */
export const SECTION_COMPONENTS: readonly GuideComponent[] = COMPONENTS.filter(
  (name) => name !== "HelpRoutes" && name !== "NeverAskForTheImage" && name !== "Explain",
);
