// Any path no route matched: a permanent redirect when it is a known page written in capitals
// (schools type URLs by hand), otherwise the helpful 404.
import { notFound, permanentRedirect } from "next/navigation";
import { sitePaths } from "@/lib/content/guides";

export default async function UnknownPage({ params }: { params: Promise<{ unknown: string[] }> }) {
  const { unknown } = await params;
  const lower = `/${unknown.map((part) => decodeURIComponent(part)).join("/")}`.toLowerCase();
  if (sitePaths().has(lower)) permanentRedirect(lower);
  notFound();
}
