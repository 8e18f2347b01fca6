import { describe, expect, it } from "vitest";
import { ageGroupsIn } from "@/lib/guides/read-query";
import { searchTermsOf, stemOf, wordsOf } from "@/lib/guides/search-terms";

describe("how search reads words", () => {
  it.each([
    ["blackmail", "blackmailed", "blackmailing", "blackmails"],
    ["bully", "bullied", "bullies", "bullying"],
    ["share", "shared", "sharing", "shares"],
    ["game", "games", "gaming"],
    ["chat", "chats", "chatting", "chatted"],
    ["control", "controls", "controlled", "controlling"],
    ["groom", "groomed", "grooming"],
    ["nude", "nudes"],
    ["recognise", "recognize", "recognised", "recognized", "recognising"],
    ["behaviour", "behavior"],
    ["paedophile", "pedophile"],
  ])("gives %s and its other forms one stem", (...forms) => {
    expect(new Set(forms.map(stemOf)).size).toBe(1);
  });

  it("keeps apart words that only look alike", () => {
    expect(stemOf("son")).not.toBe(stemOf("songs"));
    expect(stemOf("sextortion")).not.toBe(stemOf("extortion"));
    expect(stemOf("threat")).not.toBe(stemOf("treat"));
  });

  it("leaves out common words, the words every guide shares, and small numbers", () => {
    expect(searchTermsOf("My son is being blackmailed")).toEqual(["blackmail"]);
    expect(searchTermsOf("how do I talk to my 9-year-old about online safety")).toEqual([]);
    expect(searchTermsOf("call 999 or 0800 1111")).toEqual(["call", "999", "0800", "1111"]);
  });

  it("splits words as a parent writes them, without accents or apostrophes", () => {
    expect(wordsOf("My daughter's TikTok—she's 13; self-harm? Café")).toEqual([
      "my",
      "daughter",
      "tiktok",
      "she",
      "13",
      "self",
      "harm",
      "cafe",
    ]);
  });

  it.each([
    ["my 9 year old plays roblox", ["8-10"]],
    ["my 9-year-old", ["8-10"]],
    ["9yo on fortnite", ["8-10"]],
    ["nine year old", ["8-10"]],
    ["my son is 15", ["14-17"]],
    ["aged 6", ["4-7"]],
    ["year 7 group chat", ["11-13"]],
    ["y10 boys", ["14-17"]],
    ["5th grade", ["8-10"]],
    ["teenager on her phone", ["14-17"]],
    ["my tween", ["11-13"]],
    ["pre-teen", ["11-13"]],
    ["toddler ipad", ["4-7"]],
    ["sixth form", ["14-17"]],
    ["my 8 and 14 year olds", ["8-10", "14-17"]],
    ["my 8 year old and my 14 year old", ["8-10", "14-17"]],
    ["my 25 year old", []],
    ["roblox", []],
    ["top 10 games", []],
  ])("reads the age in %j", (query, groups) => {
    expect(ageGroupsIn(wordsOf(query))).toEqual(groups);
  });
});
