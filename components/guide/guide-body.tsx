import { evaluate } from "@mdx-js/mdx";
import * as runtime from "react/jsx-runtime";
import { guideComponents } from "@/components/guide/guide-components";
import { PrintedLink } from "@/components/guide/printed-link";
import type { Guide } from "@/lib/guides/load-guides";
import { GUIDE_REMARK_PLUGINS } from "@/lib/guides/mdx-text";

/** A guide's MDX body, compiled on the server (at build time for the static guide pages). */
export async function GuideBody({ guide }: { guide: Guide }) {
  const { default: Content } = await evaluate(guide.body, {
    ...runtime,
    remarkPlugins: GUIDE_REMARK_PLUGINS,
  });
  return <Content components={{ ...guideComponents, a: PrintedLink }} />;
}
