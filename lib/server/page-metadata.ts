// The metadata every public page has: its title, a description for search results and shares, and its
// one canonical address (a page reached with ?age= or ?s= is the same page).
import type { Metadata } from "next";

export function publicPage(path: string, title: string, description: string): Metadata {
  return { title, description, alternates: { canonical: path } };
}
