// The words of <NeverAskForTheImage />, which stands beside every mention of Report Remove or Take It Down.
// Both tools need the picture itself (Report Remove an upload or a link, Take It Down the copy on the child's
// own device), so a parent who follows them may ask the child to send it: that puts an indecent image of the
// child on the parent's phone. The words are fixed here so that every guide says it the same way, and
// lib/guides/mdx-text.ts reads them as part of the guide (reading ease, sentence length, search).

export const NEVER_ASK_COMPONENT_NAME = "NeverAskForTheImage";

export const NEVER_ASK_FOR_THE_IMAGE = {
  title: "Never ask for the picture.",
  sentences: [
    "These tools use your child's own copy, on their own device, or a web link.",
    "Never ask your child to send it to you, even to report it.",
    "Don't save, screenshot or forward it: a nude image of a child on your phone is against the law, even of your own child.",
  ],
} as const;

/** The callout's words as one piece of text, as a reader sees them. */
export function neverAskForTheImageText(): string {
  return [NEVER_ASK_FOR_THE_IMAGE.title, ...NEVER_ASK_FOR_THE_IMAGE.sentences].join(" ");
}
