// A page with no content of its own, in the same layout and build as every other page, for
// `npm run bench:pages` to measure what a guide page costs over the framework. Not linked, not indexed.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Bare page", robots: { index: false } };

export default function BarePage() {
  return <h1>Talk Often</h1>;
}
