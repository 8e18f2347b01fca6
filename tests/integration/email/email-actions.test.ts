// The signed links in reminder emails (stop, pause, skip), against a real PostgreSQL: each acts once on
// its own plan or delivery, and a tampered, forged, expired or wrong-purpose link changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { applyEmailAction, emailActionLink, type EmailAction } from "@/lib/email/email-actions";
import { dispatchDuePlans } from "@/lib/reminders/dispatch";
import { signLink } from "@/lib/server/signed-links";
import { databaseSuite } from "../../helpers/integration-env";
import { seedDuePlans } from "../../helpers/reminders";

const secret = "s".repeat(40);
const env = { AUTH_SECRET: secret, APP_URL: "https://talkoften.test" };
const now = new Date("2026-12-01T19:05:00Z");
const database = databaseSuite({ queue: true });

beforeEach(async () => {
  await database.db.user.deleteMany();
});

/** A plan with this month's delivery recorded (as dispatch leaves it), and another parent's plan. */
async function seed() {
  const [planId, otherPlanId] = await seedDuePlans(database.db, 2, new Date("2026-12-01T19:00:00Z"), "act");
  const delivery = await database.db.delivery.create({
    data: { planId: planId!, month: "2026-12", dueAt: new Date("2026-12-01T19:00:00Z"), status: "SENT" },
  });
  return { planId: planId!, otherPlanId: otherPlanId!, deliveryId: delivery.id };
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function snapshot() {
  return {
    plans: await database.db.checkInPlan.findMany({ orderBy: { id: "asc" } }),
    deliveries: await database.db.delivery.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("links in reminder emails", () => {
  it("pause the plan, once, and dispatch then sends it nothing", async () => {
    const { planId, otherPlanId } = await seed();
    const link = emailActionLink(env, "pause", planId, now);
    expect(link).toMatch(/^https:\/\/talkoften\.test\/reminders\/pause\/[\w-]+\.[\w-]+$/);
    expect(await applyEmailAction(database.db, "pause", tokenOf(link), { secret, now })).toEqual({
      ok: true,
    });
    expect(await applyEmailAction(database.db, "pause", tokenOf(link), { secret, now })).toEqual({
      ok: true,
    });
    const plans = await database.db.checkInPlan.findMany({ select: { id: true, paused: true } });
    expect(plans.find((p) => p.id === planId)!.paused).toBe(true);
    expect(plans.find((p) => p.id === otherPlanId)!.paused).toBe(false);
    const summary = await dispatchDuePlans(database.db, new Date("2026-12-01T19:10:00Z"));
    expect(summary.enqueued).toBe(1); // the other parent's plan only
  });

  it("stop emails for the plan (the unsubscribe link), and nothing else", async () => {
    const { planId, otherPlanId } = await seed();
    const link = emailActionLink(env, "unsubscribe", planId, now);
    expect(link).toMatch(/^https:\/\/talkoften\.test\/unsubscribe\//);
    expect(await applyEmailAction(database.db, "unsubscribe", tokenOf(link), { secret, now })).toEqual({
      ok: true,
    });
    const plans = await database.db.checkInPlan.findMany({ select: { id: true, emailEnabled: true } });
    expect(plans.find((p) => p.id === planId)!.emailEnabled).toBe(false);
    expect(plans.find((p) => p.id === otherPlanId)!.emailEnabled).toBe(true);
  });

  it("skip this month: recorded once on this month's delivery; the plan carries on", async () => {
    const { planId, deliveryId } = await seed();
    const before = await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } });
    const token = tokenOf(emailActionLink(env, "skip", deliveryId, now));
    const result = await applyEmailAction(database.db, "skip", token, { secret, now });
    expect(result).toEqual({ ok: true, nextDueAt: before.nextDueAt, timeZone: "Europe/London" });
    const later = new Date(now.getTime() + 60_000);
    await applyEmailAction(database.db, "skip", token, { secret, now: later });
    const delivery = await database.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery.skippedAt).toEqual(now); // the first time counts
    const after = await database.db.checkInPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(after).toEqual(before);
  });

  it.each<EmailAction>(["pause", "unsubscribe", "skip"])(
    "%s: a tampered, forged, expired or wrong-purpose link changes nothing",
    async (action) => {
      const { planId, deliveryId } = await seed();
      const subject = action === "skip" ? deliveryId : planId;
      const good = tokenOf(emailActionLink(env, action, subject, now));
      const [body, mac] = good.split(".") as [string, string];
      const otherAction: EmailAction = action === "skip" ? "pause" : "skip";
      const bad = {
        tamperedMac: `${body}.${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`,
        tamperedBody: `${body.slice(0, -2)}${body.endsWith("AA") ? "BB" : "AA"}.${mac}`,
        otherSubject: (() => {
          const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
          payload.s = "someone-else";
          return `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
        })(),
        forged: signLink("f".repeat(40), action, subject, { ttlMs: 60_000, now }),
        wrongPurpose: tokenOf(emailActionLink(env, otherAction, subject, now)),
        checkIn: signLink(secret, "checkin", subject, { ttlMs: 60_000, now }),
        extraPart: `${good}.x`,
        empty: "",
        garbage: "%00<script>",
      };
      const before = await snapshot();
      for (const [name, token] of Object.entries(bad)) {
        const result = await applyEmailAction(database.db, action, token, { secret, now });
        expect(result, name).toEqual({ ok: false, reason: "invalid" });
      }
      // Expired: a skip link after 35 days, a pause or stop link after 400.
      const expired = new Date(now.getTime() + (action === "skip" ? 36 : 401) * 24 * 3600 * 1000);
      expect(await applyEmailAction(database.db, action, good, { secret, now: expired })).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await snapshot()).toEqual(before);
      // The good one still works.
      expect((await applyEmailAction(database.db, action, good, { secret, now })).ok).toBe(true);
      expect(await snapshot()).not.toEqual(before);
    },
  );

  it("a link for a plan or delivery deleted since then says so and changes nothing", async () => {
    const { planId, deliveryId } = await seed();
    const pause = tokenOf(emailActionLink(env, "pause", planId, now));
    const skip = tokenOf(emailActionLink(env, "skip", deliveryId, now));
    await database.db.checkInPlan.delete({ where: { id: planId } });
    expect(await applyEmailAction(database.db, "pause", pause, { secret, now })).toEqual({
      ok: false,
      reason: "gone",
    });
    expect(await applyEmailAction(database.db, "skip", skip, { secret, now })).toEqual({
      ok: false,
      reason: "gone",
    });
  });
});
