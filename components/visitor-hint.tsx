"use client";
// Asks GET /api/me whether the person looking is signed in and has a monthly check-in, so that static,
// cached pages can change a few words for them (the header, the invitation on hubs and guides).
// Until the answer comes, and without JavaScript, a page reads as it does for a new visitor.
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { VisitorHint } from "@/lib/accounts/visitor-hint";

const NEW_VISITOR: VisitorHint = { signedIn: false, hasPlan: false };

// One request per page shown, shared by every component on it; a new one after each navigation,
// since signing in or out, or setting up a plan, ends with one.
let asked: { path: string; answer: Promise<VisitorHint> } | undefined;

function ask(path: string): Promise<VisitorHint> {
  if (asked?.path !== path) {
    const answer = fetch("/api/me", { cache: "no-store", credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<VisitorHint>) : NEW_VISITOR))
      .catch(() => NEW_VISITOR);
    asked = { path, answer };
  }
  return asked.answer;
}

export function useVisitorHint(): VisitorHint {
  const path = usePathname();
  const [hint, setHint] = useState<VisitorHint>(NEW_VISITOR);
  useEffect(() => {
    let current = true;
    void ask(path).then((answer) => {
      if (current) setHint(answer);
    });
    return () => {
      current = false;
    };
  }, [path]);
  return hint;
}
