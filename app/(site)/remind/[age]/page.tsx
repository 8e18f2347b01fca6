import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RemindPage } from "@/components/remind/remind-page";
import { findAgeGroup } from "@/lib/guides/age-groups";

export async function generateMetadata({ params }: { params: Promise<{ age: string }> }): Promise<Metadata> {
  const group = findAgeGroup((await params).age);
  if (!group) return {};
  return {
    title: `A monthly reminder to talk with your ${group.from} to ${group.to} year old`,
    description: `One short form to a monthly conversation starter for children aged ${group.from} to ${group.to}.`,
    alternates: { canonical: `/remind/${group.slug}` },
  };
}

export default async function Page({ params }: { params: Promise<{ age: string }> }) {
  const group = findAgeGroup((await params).age);
  if (!group) notFound();
  return <RemindPage group={group} />;
}
