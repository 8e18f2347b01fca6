// "Did you mean name@gmail.com?": an address whose domain is one or two keystrokes away from a common
// email provider's (gmial.com, hotmail.co.um), or whose ending is a common slip (.con, .couk), was most
// likely mistyped, and its confirmation email would never arrive. A form shows the suggestion and lets
// the person take it or keep what they typed; nothing is ever changed without them.
import { formValues, readEmail } from "@/lib/server/form-input";

/** Providers most UK parents use, and others whose names are close to them (so never "corrected"). */
const KNOWN_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "hotmail.com",
  "hotmail.co.uk",
  "outlook.com",
  "live.com",
  "live.co.uk",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "ntlworld.com",
  "talktalk.net",
  "blueyonder.co.uk",
  "protonmail.com",
  "proton.me",
  "mail.com",
  "gmx.com",
  "gmx.co.uk",
];

/** Endings typed by a slip of the finger, and what was meant. */
const ENDING_SLIPS: [RegExp, string][] = [
  [/\.(con|cmo|ocm|vom|xom|comm|coom)$/, ".com"],
  [/\.(co\.um|co\.uj|co\.ul|co\.ik|couk|co\.k|co\.ukk)$/, ".co.uk"],
  [/\.(ogr|orgg|ork)$/, ".org"],
  [/\.(nte|nett|bet)$/, ".net"],
];

/** The likely intended address for `email` (already checked as an address), or null when it looks right. */
export function suggestEmail(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (KNOWN_DOMAINS.includes(domain)) return null;
  // A known provider's name with a slip in it: one change for a short domain, two for a longer one.
  const allowed = domain.length >= 9 ? 2 : 1;
  let best: { domain: string; distance: number } | null = null;
  for (const known of KNOWN_DOMAINS) {
    const distance = editDistance(domain, known);
    if (distance <= allowed && (!best || distance < best.distance)) best = { domain: known, distance };
  }
  if (best) return `${local}@${best.domain}`;
  // Any other domain with a slipped ending.
  for (const [slip, meant] of ENDING_SLIPS) {
    if (slip.test(domain)) return `${local}@${domain.replace(slip, meant)}`;
  }
  return null;
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: optimal string alignment. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The address a form sends once the person has been asked "Did you mean …?" about it: the one they
 * chose (`addressChoice`) while the field still holds the address asked about (`addressChecked`, which
 * the form sends back), else what is in the field.
 */
export function answeredAddress(values: Record<string, string>, field = "address"): string {
  const typed = values[field] ?? "";
  const asked = values.addressChecked;
  return values.addressChoice && asked && typed.trim().toLowerCase() === asked ? values.addressChoice : typed;
}

/** The address to ask "Did you mean …?" about `email` with, or null: none is likely, or the person
 *  was asked about this address already and kept it. */
export function typoToAskAbout(email: string, values: Record<string, string>): string | null {
  return values.addressChecked === email ? null : suggestEmail(email);
}

/** What an email field shows while it asks "Did you mean …?" (components/ui/email-field.tsx). */
export type AddressQuestion = { email: string; error: string; suggestion: string; checked: string };

/**
 * A form's one address field (`email`), as the person answered any "Did you mean …?": the address to
 * use (not yet checked as an address: the caller does that, with its own messages), or the question
 * to ask first.
 */
export function typedAddress(
  form: FormData,
  field = "email",
): { address: string } | { question: AddressQuestion } {
  const values = formValues(form);
  const address = answeredAddress(values, field);
  const { email } = readEmail(address);
  const suggestion = email === undefined ? null : typoToAskAbout(email, values);
  if (!suggestion || email === undefined) return { address };
  return { question: { email: address, error: askAbout(suggestion), suggestion, checked: email } };
}

/** The question itself, the same in every form. */
function askAbout(suggestion: string): string {
  return `Please check your email address: did you mean ${suggestion}?`;
}
