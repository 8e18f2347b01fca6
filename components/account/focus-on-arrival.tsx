"use client";
// Moves focus to an element once the page has arrived (a new child's card after "Add child"), so that
// a screen reader reads it and a phone shows it, also after a navigation that kept the page's scripts.
import { useEffect } from "react";

export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
