"use client";
// A form whose action is a server action, with a permalink: without JavaScript it posts to that
// page (React otherwise writes action="", which HTML does not allow), and with JavaScript it runs
// the action in place. For forms that show no result of their own (they redirect or refresh).
import { useActionState, type ReactNode } from "react";

export function ActionForm({
  action,
  permalink,
  className,
  children,
}: {
  /** Bound to its ids; it is given the form's fields too, for forms that have any. */
  action: (() => Promise<void>) | ((previous: null, form: FormData) => Promise<void>);
  permalink: string;
  className?: string;
  children: ReactNode;
}) {
  const [, formAction] = useActionState(action as unknown as (state: null) => Promise<null>, null, permalink);
  return (
    <form action={formAction} className={className}>
      {children}
    </form>
  );
}
