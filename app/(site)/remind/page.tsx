import type { Metadata } from "next";
import { publicPage } from "@/lib/server/page-metadata";
import { redirect } from "next/navigation";
import { RemindPage } from "@/components/remind/remind-page";
import { findAgeGroup } from "@/lib/guides/age-groups";

export const metadata: Metadata = publicPage(
  "/remind",
  "A monthly reminder to talk",
  "One short form to a monthly conversation starter for your child's age, by email or in your calendar.",
);

// `?age=8-10` picks the age group, as /remind/8-10 does; `?s=CODE` is a school's link (/s/CODE).
export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ age?: string | string[]; s?: string | string[] }>;
}) {
  const { age, s } = await searchParams;
  if (typeof s === "string" && s) {
    const group = typeof age === "string" && findAgeGroup(age);
    redirect(`/s/${encodeURIComponent(s)}${group ? `/${group.slug}` : ""}`);
  }
  return <RemindPage group={(typeof age === "string" && findAgeGroup(age)) || null} />;
}
