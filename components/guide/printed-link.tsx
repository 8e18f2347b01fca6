// A link that says where it goes when printed (app/globals.css prints `data-print` after it).
import type { AnchorHTMLAttributes } from "react";
import { printedAddress } from "@/lib/guides/printed-address";

export function PrintedLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...props} data-print={props.href ? printedAddress(props.href) : undefined} />;
}
