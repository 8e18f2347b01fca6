// Flesch reading ease of a guide, with the `flesch` formula and `syllable` counts (both from
// wooorm's text-analysis packages); sentences and words are split by Intl.Segmenter.
import { flesch } from "flesch";
import { syllable } from "syllable";

export const MIN_READING_EASE = 60;

export function readingEase(sentences: string[]): number {
  const words = new Intl.Segmenter("en-GB", { granularity: "word" });
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const text of sentences) {
    sentenceCount += [...new Intl.Segmenter("en-GB", { granularity: "sentence" }).segment(text)].length;
    for (const segment of words.segment(text)) {
      if (!segment.isWordLike) continue;
      wordCount += 1;
      syllableCount += Math.max(1, syllable(segment.segment));
    }
  }
  if (wordCount === 0) return 0;
  return flesch({ sentence: sentenceCount, word: wordCount, syllable: syllableCount });
}
