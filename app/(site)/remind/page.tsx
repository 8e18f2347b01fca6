import type { Metadata } from "next";
import { RemindPage } from "@/components/remind/remind-page";
import { findAgeGroup } from "@/lib/guides/age-groups";

export const metadata: Metadata = {
  title: "A monthly reminder to talk",
  description:
    "One short form to a monthly conversation starter for your child's age, by email or in your calendar.",
  alternates: { canonical: "/remind" },
};

// `?age=8-10` picks the age group, as /remind/8-10 does.
export default async function Page({ searchParams }: { searchParams: Promise<{ age?: string | string[] }> }) {
  const { age } = await searchParams;
  return <RemindPage group={(typeof age === "string" && findAgeGroup(age)) || null} />;
}
