// The guides Talk Often publishes: nine topics for each age group, and two guides for every age.
// Slugs are part of the public URL contract (/guides/8-10/live-streaming): never rename one.
// A topic's `phrase` is how it reads inside a sentence ("the guides cover …"); its `summary` says what
// its guides talk about.

export const TOPICS = [
  {
    slug: "healthy-relationships",
    title: "Healthy relationships",
    phrase: "healthy relationships",
    summary:
      "What a good friendship or relationship looks like, and what pressure and unhealthy secrets look like.",
  },
  {
    slug: "fake-identities",
    title: "People who are not who they say they are",
    phrase: "people who pretend online",
    summary: "How to spot someone online who is pretending, and what to do about it.",
  },
  {
    slug: "live-streaming",
    title: "Live streaming",
    phrase: "live streaming",
    summary: "Tricks, dares, gifts, flattery and threats on live video, and what to do.",
  },
  {
    slug: "pictures-and-bodies",
    title: "Pictures and bodies",
    phrase: "pictures and bodies",
    summary:
      "Body safety, private pictures, what to do if anyone asks for one, and how to get an image taken down.",
  },
  {
    slug: "online-games",
    title: "Games and the people in them",
    phrase: "online games",
    summary: "Game and voice chat, friend requests, gifts and coins, and being asked to move to another app.",
  },
  {
    slug: "ai-and-fakes",
    title: "AI and things that are not real",
    phrase: "AI chatbots and fakes",
    summary: "Chatbots and AI friends, faked pictures and videos, and checking whether something is real.",
  },
  {
    slug: "online-bullying",
    title: "Online bullying",
    phrase: "online bullying",
    summary: "Being bullied, bullying others, group chats that turn nasty, and what to do together.",
  },
  {
    slug: "sexual-content",
    title: "Pornography and sexual content",
    phrase: "pornography",
    summary:
      "Coming across sexual content or pornography, talking about it without shame, and what real relationships and consent look like.",
  },
  {
    slug: "screen-time",
    title: "Screen time, sleep and settings",
    phrase: "screen time",
    summary:
      "How much time, phones and sleep, and device and app controls set up together as a conversation, not a lock.",
  },
] as const;

export const EVERY_AGE_GUIDES = [
  {
    slug: "start-talking",
    title: "Starting the conversation",
    summary: "How to open the conversation, keep it going and make it a habit.",
  },
  {
    slug: "if-youre-worried",
    title: "If you're worried",
    summary: "What to do if something has happened, and where to report it.",
  },
] as const;

export const GUIDE_KINDS = [...TOPICS, ...EVERY_AGE_GUIDES] as const;

export type TopicSlug = (typeof TOPICS)[number]["slug"];
/** A month's conversation for one child (lib/reminders/monthly-prompt.ts chooses it; the reminder emails
 *  say it): a topic, one of its guide's starters and two follow-up questions. */
export type MonthlyPrompt = { topic: TopicSlug; starter: string; followUps: [string, string] };
export type GuideSlug = (typeof GUIDE_KINDS)[number]["slug"];

export const GUIDE_SLUGS = GUIDE_KINDS.map((kind) => kind.slug) as GuideSlug[];

export function findGuideKind(slug: string) {
  return GUIDE_KINDS.find((kind) => kind.slug === slug);
}

/** Every topic as a parent reads it in a sentence: "healthy relationships, …, pornography, and screen time". */
export function topicsInWords(): string {
  const phrases = TOPICS.map((topic) => topic.phrase);
  return `${phrases.slice(0, -1).join(", ")}, and ${phrases.at(-1)}`;
}

export function isTopic(slug: string): slug is TopicSlug {
  return TOPICS.some((topic) => topic.slug === slug);
}
