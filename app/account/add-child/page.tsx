// "Add another child" on a screen of its own: the child's nickname and age, then their card on the
// account page (with the household's plan).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { addChild } from "@/app/account/actions";
import { ChildForm } from "@/components/account/child-form";
import { requireUserId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add a child", robots: { index: false } };

export default async function AddChildPage() {
  await requireUserId();
  return (
    <>
      <h1>Add a child</h1>
      <p>
        They get the same check-in plan as your first child, and their topic comes in the same monthly email.
        You can change both on <Link href="/account">your check-ins</Link>.
      </p>
      <section aria-labelledby="add-child">
        <h2 id="add-child" className="sr-only">
          Add a child
        </h2>
        <ChildForm action={addChild} initial={{}} submitLabel="Add child" idPrefix="new-child" />
      </section>
    </>
  );
}
