// A school's link without an age group (/s/<code>): the form asks for the child's age.
import type { Metadata } from "next";
import { SchoolRemindPage, schoolLinkMetadata } from "@/components/remind/school-remind-page";

export const metadata: Metadata = schoolLinkMetadata(null);

export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  return <SchoolRemindPage typed={(await params).code} group={null} />;
}
