// next/link without prefetching. Next.js fetches the page behind every link that scrolls into view;
// on a guide or the home page that is a dozen pages a parent mostly will not open, paid for in data
// on a cheap phone and in main-thread work while the page is still loading. A click still navigates
// without a full page load.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
