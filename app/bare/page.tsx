// A page with no content of its own, in the same layout and build as every other page, for
// `npm run bench:pages` to measure what a guide page costs over the framework. Not linked, not indexed,
// and built only for the benchmark (TALK_OFTEN_BENCH_PAGES=1 at build time): a 404 in every other build.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Bare page", robots: { index: false } };

export default function BarePage() {
  if (getEnv().TALK_OFTEN_BENCH_PAGES !== "1") notFound();
  return <h1>Talk Often</h1>;
}
