"use client";
// A page that failed on our side, inside the site's layout.
import { SomethingWentWrong } from "@/components/ui/something-went-wrong";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SomethingWentWrong {...props} />;
}
