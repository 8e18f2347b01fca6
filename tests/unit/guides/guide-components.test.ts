// The components a guide may use (lib/guides/guide-component-names.ts) all have a renderer, and the never-ask callout
// prints its fixed words as a note.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { guideComponents } from "@/components/guide/guide-components";
import { COMPONENTS } from "@/lib/guides/guide-component-names";
import { NEVER_ASK_FOR_THE_IMAGE } from "@/lib/guides/never-ask-for-the-image";

describe("the guide components", () => {
  it("render every component the content check accepts", () => {
    expect(Object.keys(guideComponents).sort()).toEqual([...COMPONENTS].sort());
  });

  it("print <NeverAskForTheImage /> as a note with its fixed words", () => {
    const html = renderToStaticMarkup(createElement(guideComponents.NeverAskForTheImage));
    expect(html).toContain('role="note"');
    expect(html).toContain(`<strong>${NEVER_ASK_FOR_THE_IMAGE.title}</strong>`);
    for (const sentence of NEVER_ASK_FOR_THE_IMAGE.sentences)
      expect(html).toContain(sentence.replace(/'/g, "&#x27;"));
  });
});
