import { describe, expect, it } from "vitest";
import { PRINTED_ADDRESS_MAX, printedAddress } from "@/lib/guides/printed-address";

describe("a link's printed address", () => {
  it("is the site, without www., and a short page in full", () => {
    expect(printedAddress("https://www.ceop.police.uk/")).toBe("ceop.police.uk");
    expect(printedAddress("https://www.childline.org.uk/get-support/")).toBe("childline.org.uk/get-support");
  });

  it("is the site alone when the page would make it long, or carries a query", () => {
    const long = "https://www.internetmatters.org/resources/online-safety-guide-for-parents-of-teenagers/";
    expect(printedAddress(long)).toBe("internetmatters.org");
    expect(printedAddress("https://takeitdown.ncmec.org/?lang=en")).toBe("takeitdown.ncmec.org");
    for (const href of [long, "https://a.example/" + "x".repeat(80)])
      expect(printedAddress(href)!.length).toBeLessThanOrEqual(PRINTED_ADDRESS_MAX);
  });

  it("is nothing for a phone number, an address on this site or something that is not a link", () => {
    expect(printedAddress("tel:08001111")).toBeUndefined();
    expect(printedAddress("/guides/8-10")).toBeUndefined();
    expect(printedAddress("not a link")).toBeUndefined();
  });
});
