// Mail that keeps its reputation: bounces and complaints (Amazon SES through SNS, or the generic form)
// that stop reminder emails, against a real PostgreSQL and a real SMTP server. (DKIM: dkim.test.ts.)
import { beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { isAmazonSnsUrl, parseMailEvents } from "@/lib/email/mail-events";
import { applyMailEvent, resumeReminderEmails } from "@/lib/email/mail-suppression";
import { createRegistry, countMetric, readFigures } from "@/lib/server/metrics";
import { runRemindersOnce } from "@/lib/reminders/worker";
import { seedDuePlans } from "../../helpers/reminders";
import { emptyMailAndDatabase, mailAndDatabaseSuite } from "../../helpers/integration-env";

// Amazon's documented examples, as SNS delivers them (the SES notification is a JSON string inside).
const sns = (message: object) =>
  JSON.stringify({
    Type: "Notification",
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: "arn:aws:sns:eu-west-1:123456789012:talkoften-ses",
    Message: JSON.stringify(message),
    Timestamp: "2026-12-01T19:05:00.000Z",
    SignatureVersion: "1",
    Signature:
      "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
    SigningCertURL:
      "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
    UnsubscribeURL:
      "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:123456789012:talkoften-ses:1",
  });
const mailObject = {
  timestamp: "2026-12-01T19:00:01.000Z",
  source: "hello@talkoften.test",
  sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/talkoften.test",
  sendingAccountId: "123456789012",
  messageId: "00000137860315fd-34208509-5b74-41f3-95c5-22c1edc3c924-000000",
  destination: ["jane@example.org"],
};
const permanentBounce = {
  notificationType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    reportingMTA: "dns; email.example.org",
    bouncedRecipients: [
      {
        emailAddress: "Jane@Example.org",
        status: "5.1.1",
        action: "failed",
        diagnosticCode: "smtp; 550 5.1.1 <jane@example.org>... User",
      },
    ],
    bounceSubType: "General",
    timestamp: "2026-12-01T19:05:00.000Z",
    feedbackId: "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000",
    remoteMtaIp: "127.0.2.0",
  },
  mail: mailObject,
};
const transientBounce = {
  notificationType: "Bounce",
  bounce: {
    bounceType: "Transient",
    bounceSubType: "MailboxFull",
    bouncedRecipients: [{ emailAddress: "sam@example.org", status: "4.2.2", action: "failed" }],
    timestamp: "2026-12-01T19:05:00.000Z",
    feedbackId: "0000013786031775-163e3910-53eb-4c8e-a04a-f29debf88a84-000000",
  },
  mail: { ...mailObject, destination: ["sam@example.org"] },
};
const complaint = {
  notificationType: "Complaint",
  complaint: {
    userAgent: "AnyCompany Feedback Loop (V0.01)",
    complainedRecipients: [{ emailAddress: "ali@example.org" }],
    complaintFeedbackType: "abuse",
    arrivalDate: "2026-12-01T19:04:00.000Z",
    timestamp: "2026-12-01T19:05:00.000Z",
    feedbackId: "000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000",
  },
  mail: { ...mailObject, destination: ["ali@example.org"] },
};
const delivery = {
  notificationType: "Delivery",
  delivery: {
    timestamp: "2026-12-01T19:05:00.000Z",
    processingTimeMillis: 546,
    recipients: ["sam@example.org"],
    smtpResponse: "250 ok:  Message 64111812 accepted",
    remoteMtaIp: "127.0.2.0",
    reportingMTA: "a8-70.smtp-out.amazonses.com",
  },
  mail: { ...mailObject, destination: ["sam@example.org"] },
};
const subscription = JSON.stringify({
  Type: "SubscriptionConfirmation",
  MessageId: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
  Token:
    "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
  TopicArn: "arn:aws:sns:eu-west-1:123456789012:talkoften-ses",
  Message:
    "You have chosen to subscribe to the topic arn:aws:sns:eu-west-1:123456789012:talkoften-ses.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
  SubscribeURL:
    "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-west-1:123456789012:talkoften-ses&Token=2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
  Timestamp: "2026-12-01T19:00:00.000Z",
  SignatureVersion: "1",
  Signature: "EXAMPLEpH+..",
  SigningCertURL:
    "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
});

describe("bounces and complaints", () => {
  const { database, smtp } = mailAndDatabaseSuite({}, { queue: true });
  beforeEach(async () => {
    await emptyMailAndDatabase({ database, smtp });
    for (const email of ["jane@example.org", "sam@example.org", "ali@example.org"])
      await database.db.user.create({ data: { email } });
  });
  const user = (email: string) => database.db.user.findUniqueOrThrow({ where: { email } });

  it("reads SES notifications through SNS, the subscription confirmation and the generic form", () => {
    expect(parseMailEvents(sns(permanentBounce))).toEqual({
      kind: "events",
      events: [{ type: "bounce", email: "Jane@Example.org", permanent: true }],
    });
    expect(parseMailEvents(sns(transientBounce))).toMatchObject({
      events: [{ type: "bounce", permanent: false }],
    });
    expect(parseMailEvents(sns(complaint))).toMatchObject({
      events: [{ type: "complaint", email: "ali@example.org" }],
    });
    expect(parseMailEvents(sns(delivery))).toMatchObject({
      events: [{ type: "delivery", email: "sam@example.org" }],
    });
    expect(
      parseMailEvents(sns({ eventType: "Bounce", bounce: permanentBounce.bounce, mail: mailObject })),
    ).toMatchObject({
      events: [{ type: "bounce", permanent: true }],
    });
    const confirm = parseMailEvents(subscription);
    expect(confirm).toMatchObject({
      kind: "subscribe",
      topic: "arn:aws:sns:eu-west-1:123456789012:talkoften-ses",
    });
    expect(isAmazonSnsUrl((confirm as { url: string }).url)).toBe(true);
    // A confirmation that points anywhere but Amazon is never fetched.
    expect(
      isAmazonSnsUrl("https://sns.eu-west-1.amazonaws.com.attacker.example/?Action=ConfirmSubscription"),
    ).toBe(false);
    expect(isAmazonSnsUrl("http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription")).toBe(false);
    expect(isAmazonSnsUrl("https://169.254.169.254/latest/meta-data/")).toBe(false);

    expect(
      parseMailEvents(
        JSON.stringify({ type: "complaint", email: "ali@example.org", at: "2026-12-01T19:05:00Z" }),
      ),
    ).toEqual({
      kind: "events",
      events: [{ type: "complaint", email: "ali@example.org", permanent: false }],
    });
    expect(parseMailEvents("{")).toEqual({ kind: "invalid", problem: "The body is not JSON." });
    expect(parseMailEvents(JSON.stringify({ type: "bounce", email: "not-an-address" }))).toMatchObject({
      kind: "invalid",
      problem: expect.stringMatching(/^email: /),
    });
    expect(parseMailEvents(JSON.stringify({ type: "opened", email: "a@example.org" }))).toMatchObject({
      problem: expect.stringMatching(/^type: /),
    });
  });

  async function apply(body: string) {
    const parsed = parseMailEvents(body);
    if (parsed.kind !== "events") throw new Error(parsed.kind);
    const results = [];
    for (const event of parsed.events) results.push(await applyMailEvent(database.db, event));
    return results;
  }

  it("a permanent bounce or a complaint stops reminder emails at once, with its reason; unknown addresses leave no trace", async () => {
    expect(await apply(sns(permanentBounce))).toEqual(["suppressed"]);
    expect(await apply(sns(complaint))).toEqual(["suppressed"]);
    expect(await user("jane@example.org")).toMatchObject({ mailSuppressedReason: "BOUNCE" });
    expect(await user("ali@example.org")).toMatchObject({ mailSuppressedReason: "COMPLAINT" });
    expect((await user("sam@example.org")).mailSuppressedAt).toBeNull();
    // A later bounce does not water a complaint down; a complaint outranks a bounce.
    await apply(JSON.stringify({ type: "bounce", email: "ali@example.org", permanent: true }));
    expect(await user("ali@example.org")).toMatchObject({ mailSuppressedReason: "COMPLAINT" });
    await apply(JSON.stringify({ type: "complaint", email: "jane@example.org" }));
    expect(await user("jane@example.org")).toMatchObject({ mailSuppressedReason: "COMPLAINT" });

    const before = await database.db.user.count();
    expect(
      await apply(JSON.stringify({ type: "bounce", email: "stranger@example.org", permanent: true })),
    ).toEqual(["ignored"]);
    expect(await database.db.user.count()).toBe(before);
  });

  it("three temporary bounces in a row suppress; a delivery in between starts the count again", async () => {
    expect(await apply(sns(transientBounce))).toEqual(["counted"]);
    expect(await apply(sns(transientBounce))).toEqual(["counted"]);
    expect(await apply(sns(delivery))).toEqual(["cleared"]);
    expect(await apply(sns(transientBounce))).toEqual(["counted"]);
    expect(await apply(sns(transientBounce))).toEqual(["counted"]);
    expect((await user("sam@example.org")).mailSuppressedAt).toBeNull();
    expect(await apply(sns(transientBounce))).toEqual(["suppressed"]);
    expect(await user("sam@example.org")).toMatchObject({
      mailSuppressedReason: "SOFT_BOUNCES",
      softBounces: 3,
    });
  });

  it("a suppressed address gets no reminder (recorded as suppressed) until the parent turns them back on", async () => {
    const dueAt = new Date("2026-12-01T19:00:00Z");
    await seedDuePlans(database.db, 2, dueAt, "r");
    await apply(JSON.stringify({ type: "complaint", email: "r0@example.org" }));
    const env = parseEnv({
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      AUTH_SECRET: "r".repeat(40),
      APP_URL: "https://talkoften.test",
    });
    expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:30Z"))).toMatchObject({
      sent: 1,
      suppressed: 1,
    });
    expect(smtp.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""))).toEqual(["r1@example.org"]);
    const attempts = await database.db.deliveryAttempt.findMany({ where: { outcome: "SUPPRESSED" } });
    expect(attempts).toHaveLength(1);

    const parent = await user("r0@example.org");
    await resumeReminderEmails(database.db, parent.id);
    expect(await user("r0@example.org")).toMatchObject({
      mailSuppressedAt: null,
      mailSuppressedReason: null,
      softBounces: 0,
    });
  });

  it("an SMTP 5xx for a reminder suppresses the address, recorded as SMTP_REFUSED", async () => {
    await seedDuePlans(database.db, 1, new Date("2026-12-01T19:00:00Z"), "x");
    smtp.refuseWith(550);
    const env = parseEnv({
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      AUTH_SECRET: "r".repeat(40),
      APP_URL: "https://talkoften.test",
    });
    expect(await runRemindersOnce(env, new Date("2026-12-01T19:00:30Z"))).toMatchObject({ failed: 1 });
    expect(await user("x0@example.org")).toMatchObject({ mailSuppressedReason: "SMTP_REFUSED" });
  });

  it("the metrics read the whole app's figures from PostgreSQL", async () => {
    await seedDuePlans(database.db, 3, new Date("2026-12-01T19:00:00Z"), "m");
    await apply(JSON.stringify({ type: "complaint", email: "m2@example.org" }));
    const env = parseEnv({
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      AUTH_SECRET: "r".repeat(40),
      APP_URL: "https://talkoften.test",
    });
    await runRemindersOnce(env, new Date("2026-12-01T19:00:30Z"));
    // A plan due 20 minutes ago and not yet dispatched.
    await seedDuePlans(database.db, 1, new Date("2026-12-01T18:40:30Z"), "late");
    // A plan paused long ago is not waiting to be dispatched: it does not count as late.
    const [pausedPlan] = await seedDuePlans(database.db, 1, new Date("2026-11-01T19:00:00Z"), "paused");
    await database.db.checkInPlan.update({ where: { id: pausedPlan }, data: { paused: true } });
    await countMetric(database.db, "signin_emails_sent");
    await countMetric(database.db, "signin_emails_sent");
    await countMetric(database.db, "signin_emails_refused");

    const registry = createRegistry(() => readFigures(database.db, new Date("2026-12-01T19:00:30Z")));
    const text = await registry.metrics();
    expect(text).toContain('talkoften_reminder_attempts_total{outcome="sent"} 2');
    expect(text).toContain('talkoften_reminder_attempts_total{outcome="suppressed"} 1');
    expect(text).toContain('talkoften_reminder_attempts_total{outcome="failed"} 0');
    expect(text).toContain("talkoften_reminder_deliveries_waiting 0");
    expect(text).toContain("talkoften_oldest_due_plan_seconds 1200");
    expect(text).toContain('talkoften_signin_emails_total{result="sent"} 2');
    expect(text).toContain('talkoften_signin_emails_total{result="refused"} 1');
    expect(text).toMatch(/^talkoften_worker_heartbeat_timestamp_seconds \d+/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).not.toMatch(/@example\.org/);
  });
});
