// What a printed page shows after a link, so a parent reading it on paper can type it: the site and,
// when short, the page ("ceop.police.uk/report"), never a long address that would push a guide onto a
// third A4 page. Only web links: a phone number is already in the words beside it.

/** The longest address printed in full; a longer one prints as its site alone. */
export const PRINTED_ADDRESS_MAX = 40;

export function printedAddress(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const host = url.hostname.replace(/^www\./, "");
  const path = url.pathname.replace(/\/+$/, "");
  const full = `${host}${path}`;
  return path && full.length <= PRINTED_ADDRESS_MAX && !url.search ? full : host;
}
