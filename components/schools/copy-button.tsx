"use client";
// Copies a text to the clipboard. Without JavaScript it is not shown, and the text beside it can be
// selected and copied by hand.
import { useState, useSyncExternalStore } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  // False while rendering on the server, true once running in a browser.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50 dark:border-night-link dark:text-night-link dark:hover:bg-night"
      >
        {label}
      </button>
      <span role="status" className="ml-2 text-sm">
        {copied ? "Copied" : ""}
      </span>
    </>
  );
}
