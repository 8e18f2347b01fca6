// A refusal under a limit says how long to wait, in words, from the limit itself (lib/server/rate-limit.ts).
import { describe, expect, it } from "vitest";
import { waitFor, waitThenTryAgain } from "@/lib/server/rate-limit";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_RANGE } from "@/lib/auth/sign-in-limits";

const limit = (minutes: number) => ({ name: "test", max: 1, windowMs: minutes * 60_000 });

describe("the wait a refusal names", () => {
  it("is the limit's window in words", () => {
    expect(waitFor(limit(15))).toBe("15 minutes");
    expect(waitFor(limit(60))).toBe("an hour");
    expect(waitFor(limit(120))).toBe("2 hours");
    expect(waitFor(limit(24 * 60))).toBe("a day");
    expect(waitFor(SIGN_IN_PER_ADDRESS)).toBe("15 minutes");
    expect(waitFor(SIGN_IN_PER_RANGE)).toBe("an hour");
  });

  it("makes one sentence", () => {
    expect(waitThenTryAgain(limit(15))).toBe("Please wait 15 minutes, then try again.");
  });
});
