// How a run's deliveries are grouped: into jobs that never split a household, and into one email per
// household unless the parent asked for one per child.
import { describe, expect, it } from "vitest";
import { byEmail } from "@/lib/reminders/deliver";
import { chunkByHousehold } from "@/lib/reminders/dispatch";
import { listOf } from "@/lib/email/household-reminder-email";

describe("jobs of deliveries", () => {
  it("keep a household's deliveries in one job, and are about the size asked", () => {
    // Each delivery's household is the letter of its id.
    const deliveries = ["a1", "b1", "a2", "c1", "c2", "c3"].map((id) => ({ id, household: id[0]! }));
    const chunks = chunkByHousehold(deliveries, 3);
    expect(chunks).toEqual([
      ["a1", "a2", "b1"],
      ["c1", "c2", "c3"],
    ]);
    expect(chunkByHousehold(deliveries, 2)).toEqual([["a1", "a2"], ["b1"], ["c1", "c2", "c3"]]);
    expect(chunkByHousehold([], 20)).toEqual([]);
  });
});

describe("emails of a batch", () => {
  it("are one per household, and one per child for a parent who asked for separate emails", () => {
    const delivery = (id: string, userId: string, separateReminders = false) => ({
      id,
      userId,
      separateReminders,
    });
    const emails = byEmail([
      delivery("m", "home"),
      delivery("x", "apart", true),
      delivery("j", "home"),
      delivery("y", "apart", true),
    ]);
    expect(emails.map((email) => email.map((d) => d.id))).toEqual([["m", "j"], ["x"], ["y"]]);
  });

  it("name the children in plain words", () => {
    expect(listOf(["M"])).toBe("M");
    expect(listOf(["M", "J"])).toBe("M and J");
    expect(listOf(["M", "J", "K"])).toBe("M, J and K");
  });
});
