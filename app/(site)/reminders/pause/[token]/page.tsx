import type { Metadata } from "next";
import { EmailActionPage } from "@/components/email/email-action-page";

export const metadata: Metadata = { title: "Pause reminders", robots: { index: false } };

export default function Page(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; invalid?: string }>;
}) {
  return <EmailActionPage action="pause" {...props} />;
}
