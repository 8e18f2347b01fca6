import type { Metadata } from "next";
import { RemindPage } from "@/components/remind/remind-page";

export const metadata: Metadata = {
  title: "A monthly reminder to talk",
  description:
    "One short form to a monthly conversation starter for your child's age, by email or in your calendar.",
  alternates: { canonical: "/remind" },
};

export default function Page() {
  return <RemindPage group={null} />;
}
