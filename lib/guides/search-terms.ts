// How search reads words, the same for the guides it indexes and the sentences parents type: split into
// words, American spellings made British, a light suffix-stripping stemmer ("blackmailed", "blackmailing"
// → "blackmail"), and words that say nothing about a guide (stop words, "son", "9") left out.

/** The words of `text`, lowercased, without accents or apostrophes ("child's" → "child"). */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['’](s\b)?/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A word as the index keeps it: British spelling, stemmed. Stop words are kept (see `searchTerm`). */
export function stemOf(word: string): string {
  return stem(BRITISH.get(word) ?? word);
}

/** A word as search uses it, or null for a word that says nothing about which guide to read. */
export function searchTerm(word: string): string | null {
  if (STOP_WORDS.has(word) || /^\d{1,2}$/.test(word)) return null;
  return stemOf(word);
}

/** The search terms of `text`, in order. */
export function searchTermsOf(text: string): string[] {
  return wordsOf(text)
    .map(searchTerm)
    .filter((term): term is string => term !== null);
}

/**
 * A light English stemmer: plurals, -ing and -ed, a final -e or -y, and -ize as -ise. It only needs to
 * give the forms of a word that guides and parents use the same stem; the stem need not be a word
 * ("bullied", "bullies", "bullying" → "bulli").
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = word.length >= 6 ? word.replace(/([iy])z(e|es|ed|er|ers|ing|ation|ations)$/, "$1s$2") : word;
  if (w.length > 4 && /ie[sd]$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w) && !w.endsWith("is")) w = w.slice(0, -1);
  const suffix = /(ing|(?<!e)ed)$/.exec(w)?.[1];
  const rest = suffix ? w.slice(0, -suffix.length) : "";
  if (rest.length >= 3 && /[aeiouy]/.test(rest)) {
    w = rest;
    // "chatting" → "chat", "controlling" → "control"; but "calling" and "spelling" keep their l's.
    if (/([bdfgmnprt])\1$/.test(w) || (w.length >= 7 && /[eo]ll$/.test(w))) w = w.slice(0, -1);
  }
  if (w.length >= 4 && /[^e]e$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 4 && /[^aeiouy]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

// American spellings a parent may type, as the guides spell them (-ize is handled by the stemmer).
const BRITISH = new Map<string, string>([
  ["behavior", "behaviour"],
  ["behaviors", "behaviours"],
  ["color", "colour"],
  ["favorite", "favourite"],
  ["favorites", "favourites"],
  ["center", "centre"],
  ["program", "programme"],
  ["programs", "programmes"],
  ["practicing", "practising"],
  ["license", "licence"],
  ["pediatrician", "paediatrician"],
  ["pedophile", "paedophile"],
  ["pedophiles", "paedophiles"],
  ["cellphone", "phone"],
  ["cellphones", "phones"],
]);

// Common English words, and words every guide shares (they are all about a child, and about talking
// and being safe online): in a parent's sentence they only get in the way.
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any anyone anything are as at be because been
  before being below between both but by can cant could couldnt did didnt do does doesnt doing dont
  during each even every few for from further get gets getting got had has hasnt have havent having he hed
  hes her here hers herself him himself his how i id if ill im in into is isnt it its itself ive just let
  lets like me more most much must my myself no nor not now of off on once only or other our ours
  ourselves over own please really same shall she shes should so some someone something such than
  that thats the their theirs them themselves then there theres these they theyre this those through to
  too under until us very was wasnt we were what whats when where which while who whom whose why will
  with wont would you your youre yours yourself yourselves
  child childs children childrens kid kids son sons daughter daughters year years yr
  yrs old olds aged teen teens teenager teenagers teenage tween tweens toddler toddlers parent parents mum
  mom dad yo talk talking talked talks tell help advice tips guide guides safe safety online internet
  want wants wanted need needs know knows think thinks
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen`.split(/\s+/),
);
