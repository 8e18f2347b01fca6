// A school's own link to the monthly reminder (/s/<code>/<age>, on its letters and QR codes): the
// /remind form with the school's name, whose sign-ups the school sees as a number. A code typed with
// look-alikes (o for 0) goes to its right spelling; a code that is no school's still gets the form.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { SchoolRemindPage, schoolLinkMetadata } from "@/components/remind/school-remind-page";
import { findAgeGroup } from "@/lib/guides/age-groups";

type Params = { code: string; age: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return schoolLinkMetadata(findAgeGroup((await params).age) ?? null);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { code, age } = await params;
  const group = findAgeGroup(age) ?? findAgeGroup(age.toLowerCase());
  if (!group) notFound();
  if (group.slug !== age) permanentRedirect(`/s/${encodeURIComponent(code)}/${group.slug}`);
  return <SchoolRemindPage typed={code} group={group} />;
}
