import { describe, expect, it } from "vitest";
import { linksIn } from "@/lib/email/outbox";

describe("linksIn", () => {
  it("finds each absolute link once, in order, without trailing punctuation", () => {
    const text =
      "Sign in: http://localhost:3000/api/auth/callback?token=abc&email=a%40b.c\n" +
      "Guide (https://talkoften.example/guides/8-10). Again: http://localhost:3000/api/auth/callback?token=abc&email=a%40b.c";
    expect(linksIn(text)).toEqual([
      "http://localhost:3000/api/auth/callback?token=abc&email=a%40b.c",
      "https://talkoften.example/guides/8-10",
    ]);
  });

  it("finds nothing in text without links", () => {
    expect(linksIn("Call 999 in an emergency.")).toEqual([]);
  });
});
