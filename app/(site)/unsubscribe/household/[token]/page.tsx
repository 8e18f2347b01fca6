import type { Metadata } from "next";
import { EmailActionPage } from "@/components/email/email-action-page";

export const metadata: Metadata = { title: "Stop the household's reminder emails", robots: { index: false } };

export default function Page(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; invalid?: string }>;
}) {
  return <EmailActionPage action="stop-household" {...props} />;
}
