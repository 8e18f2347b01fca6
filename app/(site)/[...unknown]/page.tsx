// Any path no route matched: a permanent redirect when it is a known page written another way
// (capitals, an age alias such as /8-10, a moved URL), otherwise the helpful 404.
import { notFound, permanentRedirect } from "next/navigation";
import { redirectFor } from "@/lib/guides/url-contract";

export default async function UnknownPage({ params }: { params: Promise<{ unknown: string[] }> }) {
  const { unknown } = await params;
  const target = redirectFor(`/${unknown.map((part) => decodeURIComponent(part)).join("/")}`);
  if (target) permanentRedirect(target);
  notFound();
}
