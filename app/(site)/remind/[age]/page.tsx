import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import { notFound, redirect } from "next/navigation";
import { RemindPage } from "@/components/remind/remind-page";
import { findAgeGroup } from "@/lib/guides/age-groups";

export async function generateMetadata({ params }: { params: Promise<{ age: string }> }): Promise<Metadata> {
  const group = findAgeGroup((await params).age);
  if (!group) return {};
  return publicPage(
    `/remind/${group.slug}`,
    `A monthly reminder to talk with your ${group.from} to ${group.to} year old`,
    `One short form to a monthly conversation starter for children aged ${group.from} to ${group.to}.`,
  );
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ age: string }>;
  searchParams: Promise<{ s?: string | string[] }>;
}) {
  const group = findAgeGroup((await params).age);
  if (!group) notFound();
  // A school's code in the query (/remind/8-10?s=CODE) is the same as its own link.
  const { s } = await searchParams;
  if (typeof s === "string" && s) redirect(`/s/${encodeURIComponent(s)}/${group.slug}`);
  return <RemindPage group={group} />;
}
