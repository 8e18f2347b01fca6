// A household's monthly reminder against a real PostgreSQL and a real SMTP server: one email covering
// each child due in the same run, each child's month recorded once, and the links that act on them.
import { beforeEach, describe, expect, it } from "vitest";
import { applyEmailAction, emailActionSubject, unsubscribeActionOf } from "@/lib/email/email-actions";
import { setSeparateRemindersFor } from "@/lib/accounts/account-actions";
import { findGuideKind } from "@/lib/guides/taxonomy";
import { runRemindersOnce } from "@/lib/reminders/worker";
import { seedHousehold } from "../../helpers/reminders";
import { emptyMailAndDatabase, mailAndDatabaseSuite } from "../../helpers/integration-env";

const { database, smtp, env } = mailAndDatabaseSuite({ AUTH_SECRET: "h".repeat(40) }, { queue: true });
const due = new Date("2026-12-01T19:00:00Z");
const now = new Date("2026-12-01T19:00:30Z");

beforeEach(() => emptyMailAndDatabase({ database, smtp }));

const tokenAfter = (text: string | undefined, label: string) =>
  new RegExp(`${label.replace(/[()]/g, "\\$&")}: https://talkoften\\.test/\\S+/([\\w.-]+)`).exec(
    text ?? "",
  )?.[1];

describe("a household's monthly reminder", () => {
  it("is one email covering both children, each child's month recorded once, and never sent again", async () => {
    const { children } = await seedHousehold(database.db, "home@example.org", ["M", "J"], due);
    expect(await runRemindersOnce(env, now)).toMatchObject({ due: 2, enqueued: 2, sent: 2, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.subject).toBe("This month's talks with M and J");

    const deliveries = await database.db.delivery.findMany({ include: { plan: true } });
    expect(deliveries).toHaveLength(2);
    for (const child of children) {
      const delivery = deliveries.find((d) => d.plan.childId === child.id)!;
      expect(delivery).toMatchObject({
        status: "SENT",
        attempts: 1,
        month: "2026-12",
        messageId: mail!.messageId,
      });
      // Each child's own topic and starter, as recorded on that child's delivery.
      const title = findGuideKind(delivery.topic!)!.title;
      expect(mail!.text).toContain(`${child.label}: ${title}`);
      expect(mail!.text).toContain(`"${delivery.starter}"`);
      expect(mail!.text).toMatch(
        new RegExp(`We talked \\(${child.label}\\): https://talkoften\\.test/checkin/\\S+`),
      );
      expect(mail!.text).toMatch(
        new RegExp(`Skip this month \\(${child.label}\\): https://talkoften\\.test/reminders/skip/\\S+`),
      );
    }
    expect(mail!.html).toContain("Stop these emails (for all your children)");
    expect(await database.db.deliveryAttempt.count({ where: { outcome: "SENT" } })).toBe(2);

    // Another run, later the same month: nothing is due, nothing is sent.
    expect(await runRemindersOnce(env, new Date("2026-12-01T19:05:00Z"))).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("each child's Skip names that child's delivery, and each Pause that child's plan", async () => {
    const { children } = await seedHousehold(database.db, "links@example.org", ["M", "J"], due);
    await runRemindersOnce(env, now);
    const text = smtp.messages[0]!.text;
    const options = { secret: env.AUTH_SECRET!, now };
    expect(
      (await applyEmailAction(database.db, "skip", tokenAfter(text, "Skip this month (J)")!, options)).ok,
    ).toBe(true);
    expect(
      (await applyEmailAction(database.db, "pause", tokenAfter(text, "Pause the reminders for J")!, options))
        .ok,
    ).toBe(true);
    const deliveries = await database.db.delivery.findMany({ include: { plan: true } });
    const of = (label: string) =>
      deliveries.find((d) => d.plan.childId === children.find((c) => c.label === label)!.id)!;
    expect(of("J").skippedAt).toEqual(now);
    expect(of("J").plan.paused).toBe(true);
    expect(of("M").skippedAt).toBeNull();
    expect(of("M").plan.paused).toBe(false);
  });

  it("stops every child's emails from the household's stop link, and its page says so", async () => {
    await seedHousehold(database.db, "stop@example.org", ["M", "J"], due);
    await runRemindersOnce(env, now);
    const mail = smtp.messages[0]!;
    const link = mail.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    const token = /\/api\/unsubscribe\/([\w.-]+)>/.exec(link.replace(/\r?\n\s*/g, ""))![1]!;
    expect(unsubscribeActionOf(token, env.AUTH_SECRET!)).toBe("stop-household");
    const options = { db: database.db, secret: env.AUTH_SECRET!, now };
    expect(await emailActionSubject("stop-household", token, options)).toEqual({
      children: ["M", "J"],
      others: 0,
    });
    // Not a one-child stop link.
    expect((await applyEmailAction(database.db, "unsubscribe", token, options)).ok).toBe(false);
    expect((await applyEmailAction(database.db, "stop-household", token, options)).ok).toBe(true);
    const plans = await database.db.checkInPlan.findMany();
    expect(plans.map((plan) => plan.emailEnabled)).toEqual([false, false]);
  });

  it("pause and stop pages name the child and count the others", async () => {
    const { children } = await seedHousehold(database.db, "names@example.org", ["M", "J", "K"], due, {
      separateReminders: true,
    });
    await runRemindersOnce(env, now);
    const mail = smtp.messages.find((m) => m.subject?.includes("with J"))!;
    const options = { db: database.db, secret: env.AUTH_SECRET!, now };
    const pause = tokenAfter(mail.text, "Pause these reminders")!;
    expect(await emailActionSubject("pause", pause, options)).toEqual({ children: ["J"], others: 2 });
    const stop = tokenAfter(mail.text, "Stop these emails")!;
    expect(unsubscribeActionOf(stop, env.AUTH_SECRET!)).toBe("unsubscribe");
    expect(await emailActionSubject("unsubscribe", stop, options)).toEqual({ children: ["J"], others: 2 });
    // A child without a nickname is named by age.
    await database.db.child.update({ where: { id: children[1]!.id }, data: { label: null } });
    expect(await emailActionSubject("pause", pause, options)).toEqual({
      children: ["your child aged 14 to 17"],
      others: 2,
    });
    expect(await emailActionSubject("pause", "forged.token", options)).toBeNull();
  });

  it("sends one email per child when the parent asked for separate emails", async () => {
    const { user } = await seedHousehold(database.db, "apart@example.org", ["M", "J"], due);
    // The account page's "A separate email for each child".
    await setSeparateRemindersFor(database.db, user.id, true);
    expect(await runRemindersOnce(env, now)).toMatchObject({ sent: 2 });
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^This month's talk with J: /),
      expect.stringMatching(/^This month's talk with M: /),
    ]);
    const ids = (await database.db.delivery.findMany()).map((d) => d.messageId);
    expect(new Set(ids).size).toBe(2);
  });

  it("leaves a paused child out, and sends the other child's email alone", async () => {
    const { children } = await seedHousehold(database.db, "paused@example.org", ["M", "J"], due);
    // Paused after dispatch recorded the month (as a Pause pressed in the minute before sending).
    const { dispatchDuePlans } = await import("@/lib/reminders/dispatch");
    await dispatchDuePlans(database.db, now);
    await database.db.checkInPlan.update({ where: { childId: children[0]!.id }, data: { paused: true } });
    expect(await runRemindersOnce(env, now)).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^This month's talk with J: /),
    ]);
  });

  it("retries a household email after a transient failure as one email, each child's delivery sent once", async () => {
    await seedHousehold(database.db, "retry@example.org", ["M", "J"], due);
    smtp.refuseWith(451);
    expect(await runRemindersOnce(env, now)).toMatchObject({ sent: 0, retrying: 2 });
    const jobs = await database.db.$queryRawUnsafe<{ task: string; payload: { deliveryIds: string[] } }[]>(
      `SELECT task.identifier AS task, job.payload FROM graphile_worker._private_jobs job
       JOIN graphile_worker._private_tasks task ON task.id = job.task_id`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.task).toBe("deliver_reminder");
    expect(jobs[0]!.payload.deliveryIds).toHaveLength(2);
    smtp.refuseWith(null);
    await database.db.$executeRawUnsafe("UPDATE graphile_worker._private_jobs SET run_at = now()");
    expect(await runRemindersOnce(env, now)).toMatchObject({ sent: 2 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe("This month's talks with M and J");
    const deliveries = await database.db.delivery.findMany();
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["SENT", 2],
      ["SENT", 2],
    ]);
  });
});
