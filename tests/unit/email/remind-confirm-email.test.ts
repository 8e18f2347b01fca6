// The email that confirms a monthly check-in: what was asked for in plain words, a button that says
// it opens the last step (the page's own button is "Confirm my monthly check-in", so the parent is not
// asked to press "the same" button twice), and a short address to type when the button is cut off.
import { describe, expect, it } from "vitest";
import { describeRemindRequest, parseRemindForm, REMIND_DEFAULTS } from "@/lib/accounts/remind-request";
import { remindConfirmEmail } from "@/lib/email/remind-confirm-email";

const parsed = parseRemindForm({
  ...REMIND_DEFAULTS,
  address: "parent@example.org",
  ageGroup: "8-10",
  timeZone: "Europe/London",
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const LONG = `https://talkoften.test/api/auth/callback/email?token=${"f".repeat(64)}&r=${"a".repeat(900)}`;
const SHORT = "https://talkoften.test/l/AbCdEfGhIjKlMnOp";
const email = remindConfirmEmail("parent@example.org", LONG, describeRemindRequest(parsed.request), SHORT);

describe("the monthly check-in's confirmation email", () => {
  it("says what was asked for", () => {
    expect(email.text).toContain("the first Sunday of each month at 19:00 (Europe/London), by email");
    expect(email.html).toContain("your child aged 8 to 10");
  });

  it("names its button for what it does: it opens the last step, whose button confirms", () => {
    const button = /<a href="[^"]*" style="display:inline-block[^"]*">([^<]+)<\/a>/.exec(email.html)?.[1];
    expect(button).toBe("Finish setting up my check-in");
    expect(email.html).not.toContain(">Confirm my monthly check-in<");
  });

  it("offers the short address to copy, not the thousand-character link", () => {
    expect(email.html).toContain(`Or copy this link into your browser: <a href="${SHORT}"`);
    expect(email.html.split(LONG.replaceAll("&", "&amp;"))).toHaveLength(2); // the button's href only
  });
});
