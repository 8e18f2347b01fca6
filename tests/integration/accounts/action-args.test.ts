// Every server action checks its arguments before anything else: what our pages could not have sent
// (a pause flag that is not a boolean, an id that is not an id, no form data) is a 404, not a 500.
import { describe, expect, it } from "vitest";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

describe("server actions' arguments", () => {
  it("are refused with a 404 when they are not what the page bound", async () => {
    const account = await import("@/app/account/actions");
    const signin = await import("@/app/(site)/signin/actions");
    const reminders = await import("@/app/(site)/reminders/actions");
    const checkin = await import("@/app/(site)/checkin/[token]/actions");
    const state = { ok: true, values: {}, errors: {} };
    const calls: [string, () => Promise<unknown>][] = [
      ["setPaused with a flag that is not a boolean", () => account.setPaused("cmchild1", "yes" as never)],
      ["setPaused with an id that is not a string", () => account.setPaused({ id: 1 } as never, true)],
      ["removeChild with an id that is not an id", () => account.removeChild("../../x")],
      ["regenerateCalendar with a number", () => account.regenerateCalendar(42 as never)],
      ["addChild without form data", () => account.addChild(state, "x" as never)],
      ["updateChild without form data", () => account.updateChild("cmchild1", state, {} as never)],
      ["savePlan without form data", () => account.savePlan("cmchild1", state, null as never)],
      ["recordCheckIn with a bad id", () => account.recordCheckIn("a b", state, new FormData())],
      ["deleteAccount without form data", () => account.deleteAccount(state, [] as never)],
      ["requestSignIn without form data", () => signin.requestSignIn({ email: "" }, "a@b.org" as never)],
      [
        "confirmEmailAction with an unknown action",
        () => reminders.confirmEmailAction("explode" as never, "t"),
      ],
      [
        "confirmEmailAction with a token that is not a string",
        () => reminders.confirmEmailAction("skip", 1 as never),
      ],
      ["confirmCheckIn with an object", () => checkin.confirmCheckIn({} as never)],
    ];
    for (const [what, call] of calls) await expect(call(), what).rejects.toThrow(NOT_FOUND);
  });
});
