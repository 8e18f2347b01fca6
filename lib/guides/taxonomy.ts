// The guides Talk Often publishes: seven topics for each age group, and two guides for every age.
// Slugs are part of the public URL contract (/guides/8-10/live-streaming): never rename one.

export const TOPICS = [
  {
    slug: "healthy-relationships",
    title: "Healthy relationships",
    summary:
      "What a good friendship or relationship looks like, and what pressure and unhealthy secrets look like.",
  },
  {
    slug: "fake-identities",
    title: "People who are not who they say they are",
    summary: "How to spot someone online who is pretending, and what to do about it.",
  },
  {
    slug: "live-streaming",
    title: "Live streaming",
    summary: "Tricks, dares, gifts, flattery and threats on live video, and what to do.",
  },
  {
    slug: "pictures-and-bodies",
    title: "Pictures and bodies",
    summary:
      "Body safety, private pictures, what to do if anyone asks for one, and how to get an image taken down.",
  },
  {
    slug: "online-games",
    title: "Games and the people in them",
    summary: "Game and voice chat, friend requests, gifts and coins, and being asked to move to another app.",
  },
  {
    slug: "ai-and-fakes",
    title: "AI and things that are not real",
    summary: "Chatbots and AI friends, faked pictures and videos, and checking whether something is real.",
  },
  {
    slug: "screen-time",
    title: "Screen time, sleep and settings",
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
export type GuideSlug = (typeof GUIDE_KINDS)[number]["slug"];

export const GUIDE_SLUGS = GUIDE_KINDS.map((kind) => kind.slug) as GuideSlug[];

export function findGuideKind(slug: string) {
  return GUIDE_KINDS.find((kind) => kind.slug === slug);
}

export function isTopic(slug: string): slug is TopicSlug {
  return TOPICS.some((topic) => topic.slug === slug);
}
