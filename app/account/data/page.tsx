import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { requireUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your data", robots: { index: false } };

export default async function AccountDataPage() {
  await requireUserId();
  return (
    <>
      <h1>Your data</h1>
      <p>
        We keep your email address, the age or birth month and year of each child you added, your check-in
        plans and the talks you logged. Nothing else.
      </p>
      <h2>Download it</h2>
      <p>
        <a href="/account/data/export" download>
          Download everything as a JSON file
        </a>
      </p>
      <h2>Delete it</h2>
      <DeleteAccountForm />
      <p className="mt-6">
        <Link href="/account">Back to your check-ins</Link>
      </p>
    </>
  );
}
