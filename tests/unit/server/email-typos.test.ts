// "Did you mean …?" for an email address: the newcomer review's parent@gmial.con, and no suggestion for
// an address that looks right (a provider's own, a school's, a company's).
import { describe, expect, it } from "vitest";
import { answeredAddress, suggestEmail, typoToAskAbout } from "@/lib/server/email-typos";

describe("a suggested email address", () => {
  it.each([
    ["parent@gmial.con", "parent@gmail.com"],
    ["parent@gmail.con", "parent@gmail.com"],
    ["parent@gmai.com", "parent@gmail.com"],
    ["parent@gmail.co", "parent@gmail.com"],
    ["parent@hotmial.co.uk", "parent@hotmail.co.uk"],
    ["parent@hotmail.co.um", "parent@hotmail.co.uk"],
    ["parent@outlok.com", "parent@outlook.com"],
    ["parent@yaho.co.uk", "parent@yahoo.co.uk"],
    ["parent@icloud.cmo", "parent@icloud.com"],
    ["parent@btinternet.con", "parent@btinternet.com"],
    ["parent@example.con", "parent@example.com"],
    ["parent@school.couk", "parent@school.co.uk"],
    ["parent@charity.ogr", "parent@charity.org"],
  ])("%s → %s", (typed, meant) => {
    expect(suggestEmail(typed)).toBe(meant);
  });

  it.each([
    "parent@gmail.com",
    "parent@googlemail.com",
    "parent@mail.com",
    "parent@gmx.co.uk",
    "parent@me.com",
    "parent@yahoo.fr",
    "parent@outlook.fr",
    "parent@aol.co.uk",
    "parent@example.org",
    "parent@stmarys.sch.uk",
    "parent@nhs.net",
    "parent@company.co",
  ])("%s: none", (typed) => {
    expect(suggestEmail(typed)).toBeNull();
  });

  it("keeps the part before the @ as typed", () => {
    expect(suggestEmail("Mum.Of.Two+talk@gmial.com")).toBe("Mum.Of.Two+talk@gmail.com");
  });
});

describe("a form's answer to “Did you mean …?”", () => {
  const asked = { address: "p@gmial.con", addressChecked: "p@gmial.con" };

  it("asks about a likely slip once, and not again about the address it asked about", () => {
    expect(typoToAskAbout("p@gmial.con", { address: "p@gmial.con" })).toBe("p@gmail.com");
    expect(typoToAskAbout("p@gmial.con", asked)).toBeNull();
    expect(typoToAskAbout("p@hotmial.com", asked)).toBe("p@hotmail.com");
  });

  it("takes the address chosen, unless the field was changed since", () => {
    expect(answeredAddress({ ...asked, addressChoice: "p@gmail.com" })).toBe("p@gmail.com");
    expect(answeredAddress({ ...asked, address: " P@Gmial.con ", addressChoice: "p@gmail.com" })).toBe(
      "p@gmail.com",
    );
    expect(answeredAddress({ ...asked, address: "q@example.org", addressChoice: "p@gmail.com" })).toBe(
      "q@example.org",
    );
    expect(answeredAddress({ address: "p@gmial.con", addressChoice: "p@gmail.com" })).toBe("p@gmial.con");
  });
});
