// A school's own place: registering (checked, rate-limited), the anonymous sign-up counter, the
// families who choose to be counted (and only they), the counts a contact sees, contacts, invitations,
// removal and deletion. Real PostgreSQL and a real SMTP server.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRemindedChild, parseRemindForm, REMIND_DEFAULTS } from "@/lib/accounts/remind-request";
import { deleteUserData } from "@/lib/accounts/account-data";
import { removeChildFor } from "@/lib/accounts/account-actions";
import { closeMail } from "@/lib/email/send-mail";
import { schoolCounts } from "@/lib/schools/school-counts";
import {
  acceptInvitation,
  cancelInvitation,
  countFamily,
  deleteSchool,
  inviteContact,
  MAX_CONTACTS,
  readInvitation,
  registerSchool,
  removeContact,
  schoolForContact,
  stopCounting,
  type SchoolForContact,
} from "@/lib/schools/schools";
import { countsCsv, label } from "@/lib/schools/small-counts";
import { termOf } from "@/lib/schools/school-terms";
import { parseEnv, type Env } from "@/lib/server/env";
import { createTestDatabase, type TestDatabase } from "../../helpers/database";
import { makeParent } from "../../helpers/factories";
import { startSmtpServer, type RecordingSmtpServer } from "../../helpers/smtp";

let database: TestDatabase;
let smtp: RecordingSmtpServer;
let env: Env;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  env = parseEnv({
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    AUTH_SECRET: "k".repeat(40),
    APP_URL: "https://talkoften.test",
  });
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: "k".repeat(40) });
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  await database.drop();
});

let clients = 0;
const client = () => `203.0.113.${++clients}`;

async function register(name = "Hillside Primary", authority = "") {
  const contact = await makeParent(database.db);
  const result = await registerSchool(database.db, contact.id, { name, authority }, client());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const school = (await schoolForContact(contact.id, result.code, database.db))!;
  return { contact, school };
}

/** A parent signing up through the school's link (/s/<code>/<age>) and confirming. */
async function signUpThrough(code: string | undefined, ageGroup = "8-10", requestId?: string) {
  const parent = await makeParent(database.db);
  const parsed = parseRemindForm({
    ...REMIND_DEFAULTS,
    address: parent.email,
    ageGroup,
    timeZone: "Europe/London",
    ...(code ? { school: code } : {}),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const made = await addRemindedChild(
    database.db,
    parent.id,
    parsed.request,
    requestId ?? `req-${parent.id}`,
  );
  if (made === "limit") throw new Error("limit");
  return { parent, childId: made.childId, request: parsed.request };
}

const signUps = (schoolId: string) => database.db.schoolSignUps.findMany({ where: { schoolId } });

describe("registering a school", () => {
  it("gives it a random 6-character code and makes the person registering its first contact", async () => {
    const { contact, school } = await register("  St Mary's  C of E\tPrimary ", "Kent County Council");
    expect(school.code).toMatch(/^[A-HJKMNP-Z0-9]{6}$/);
    expect(school.name).toBe("St Mary's C of E Primary");
    expect(school.authority).toBe("Kent County Council");
    expect(school.contacts.map((c) => c.userId)).toEqual([contact.id]);
    // Typed the way people type codes: lower case, O for 0, a dash.
    const typed = `${school.code.slice(0, 3).toLowerCase()}-${school.code.slice(3)}`.replace(/0/g, "o");
    expect((await schoolForContact(contact.id, typed, database.db))?.id).toBe(school.id);
    // Another person is not its contact, and sees nothing.
    const other = await makeParent(database.db);
    expect(await schoolForContact(other.id, school.code, database.db)).toBeNull();
  });

  it("names what is wrong: no name, a name or authority over 80 characters; nothing is saved", async () => {
    const contact = await makeParent(database.db);
    const before = await database.db.school.count();
    expect(await registerSchool(database.db, contact.id, { name: " " }, client())).toEqual({
      ok: false,
      errors: { name: "Enter the school's name (at least 2 characters)." },
    });
    expect(
      await registerSchool(
        database.db,
        contact.id,
        { name: "x".repeat(81), authority: "y".repeat(81) },
        client(),
      ),
    ).toEqual({
      ok: false,
      errors: {
        name: "The school name can be at most 80 characters.",
        authority: "The local authority or trust can be at most 80 characters.",
      },
    });
    expect(await database.db.school.count()).toBe(before);
    // Exactly 80 is fine, and markup is kept as text (escaped where it is shown).
    const name = `<script>alert(1)</script>${"z".repeat(55)}`;
    expect(name.length).toBe(80);
    const made = await registerSchool(database.db, contact.id, { name }, client());
    expect(made.ok).toBe(true);
  });

  it("answers any input with the school or a message naming the field; what is saved is one line of 2 to 80", async () => {
    const text = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: "grapheme", maxLength: 90 }));
    await fc.assert(
      fc.asyncProperty(text, text, async (name, authority) => {
        const contact = await makeParent(database.db);
        const result = await registerSchool(database.db, contact.id, { name, authority }, client());
        if (!result.ok) {
          expect(Object.keys(result.errors).every((field) => ["name", "authority"].includes(field))).toBe(
            true,
          );
          expect(await database.db.schoolContact.count({ where: { userId: contact.id } })).toBe(0);
          return;
        }
        const saved = await database.db.school.findUniqueOrThrow({ where: { code: result.code } });
        expect(saved.name.length).toBeGreaterThanOrEqual(2);
        expect(saved.name.length).toBeLessThanOrEqual(80);
        expect(saved.name).not.toMatch(/[\u0000-\u001f\u007f]|^\s|\s$/);
        expect((saved.authority ?? "").length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 60 },
    );
  });

  it("is limited like sign-in: 3 per account in 15 minutes, also when asked for at once", async () => {
    const contact = await makeParent(database.db);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        registerSchool(database.db, contact.id, { name: `School ${i}` }, client()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      errors: {
        form: "Too many schools have been registered just now. Please wait 15 minutes, then try again.",
      },
    });
    expect(await database.db.schoolContact.count({ where: { userId: contact.id } })).toBe(3);
  });
});

describe("sign-ups through a school's link", () => {
  it("add one to the school's anonymous counter for the term and age group, and nothing else", async () => {
    const { school } = await register();
    const { parent, childId, request } = await signUpThrough(school.code, "11-13");
    expect(request.school).toBe(school.code);
    expect(await signUps(school.id)).toEqual([
      { schoolId: school.id, term: termOf(new Date()), ageGroup: "11-13", count: 1 },
    ]);
    // The same confirmation again (the link opened twice) makes one child and counts once.
    await addRemindedChild(database.db, parent.id, request, `req-${parent.id}`);
    expect((await signUps(school.id))[0]!.count).toBe(1);
    // No link between the school and the family unless they choose it.
    expect(await database.db.schoolFamily.count({ where: { childId } })).toBe(0);
    expect(await database.db.schoolFamily.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("count nothing for a code that is no school's, and a form's bad code is dropped", async () => {
    const total = await database.db.schoolSignUps.count();
    const { request } = await signUpThrough("ZZZZZZ");
    expect(request.school).toBe("ZZZZZZ");
    expect(await database.db.schoolSignUps.count()).toBe(total);
    const parsed = parseRemindForm({
      ...REMIND_DEFAULTS,
      address: "a@example.org",
      ageGroup: "4-7",
      timeZone: "Europe/London",
      school: "<b>",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.request.school).toBeUndefined();
  });
});

describe("a family counted by a school", () => {
  it("is linked only when the parent chooses, and unlinked by the parent, the child's or the account's deletion", async () => {
    const { school } = await register();
    const first = await signUpThrough(school.code);
    expect(await countFamily(database.db, first.parent.id, first.childId, school.code.toLowerCase())).toEqual(
      {
        name: school.name,
      },
    );
    // Twice is still one link; another parent cannot link someone else's child.
    await countFamily(database.db, first.parent.id, first.childId, school.code);
    const stranger = await makeParent(database.db);
    expect(await countFamily(database.db, stranger.id, first.childId, school.code)).toBe("not-found");
    expect(await database.db.schoolFamily.count({ where: { schoolId: school.id } })).toBe(1);

    expect(await stopCounting(database.db, stranger.id, first.childId, school.id)).toBe("not-found");
    expect(await stopCounting(database.db, first.parent.id, first.childId, school.id)).toBe("ok");
    expect(await database.db.schoolFamily.count({ where: { schoolId: school.id } })).toBe(0);

    await countFamily(database.db, first.parent.id, first.childId, school.code);
    await removeChildFor(database.db, first.parent.id, first.childId);
    expect(await database.db.schoolFamily.count({ where: { schoolId: school.id } })).toBe(0);

    const second = await signUpThrough(school.code);
    await countFamily(database.db, second.parent.id, second.childId, school.code);
    await deleteUserData(database.db, second.parent.id);
    expect(await database.db.schoolFamily.count({ where: { schoolId: school.id } })).toBe(0);
    // The anonymous counter keeps both sign-ups: it never knew whose they were.
    expect((await signUps(school.id))[0]!.count).toBe(2);
  });
});

describe("what a school's contacts see", () => {
  it("counts per age group with 1 to 4 as 'fewer than 5', on the page and in the CSV alike", async () => {
    const { school } = await register();
    const shown = async () => (await schoolCounts(school.id, new Date(), database.db)).rows;
    const families: { parentId: string; childId: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const { parent, childId } = await signUpThrough(school.code, "8-10");
      await countFamily(database.db, parent.id, childId, school.code);
      families.push({ parentId: parent.id, childId });
      const rows = await shown();
      const expected = i < 4 ? "fewer than 5" : "5";
      expect(label(rows[0]!.shown.total)).toBe(expected); // sign-ups this term
      expect(label(rows[2]!.shown.total)).toBe(expected); // counted families with an active check-in
      if (i === 4) expect(label(rows[2]!.shown.byAge["8-10"])).toBe("5");
      const csv = countsCsv(rows);
      expect(csv.split("\r\n")[1]).toContain(`,${expected}`);
      expect(csv).not.toMatch(/,[1-4](,|\r)/);
    }
    // A paused plan is not an active check-in; one more family in another age group hides the total.
    await database.db.checkInPlan.updateMany({
      where: { childId: families[0]!.childId },
      data: { paused: true },
    });
    let rows = await shown();
    expect(label(rows[2]!.shown.total)).toBe("fewer than 5");
    await database.db.checkInPlan.updateMany({
      where: { childId: families[0]!.childId },
      data: { paused: false },
    });
    const older = await signUpThrough(school.code, "14-17");
    await countFamily(database.db, older.parent.id, older.childId, school.code);
    rows = await shown();
    expect(label(rows[2]!.shown.byAge["8-10"])).toBe("5");
    expect(label(rows[2]!.shown.byAge["14-17"])).toBe("fewer than 5");
    expect(label(rows[2]!.shown.total)).toBe("not shown");
  });

  it("counts check-ins logged this term and last term by counted families only", async () => {
    const { school } = await register();
    const now = new Date("2026-11-15T12:00:00Z"); // autumn term 2026; last term is summer 2026
    const counted: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { parent, childId } = await signUpThrough(school.code, "4-7");
      if (i < 5) {
        await countFamily(database.db, parent.id, childId, school.code);
        counted.push(childId);
      }
      await database.db.checkIn.createMany({
        data: [
          { childId, topic: "online-games", talkedAt: new Date("2026-10-01T18:00:00Z") },
          { childId, topic: "online-games", talkedAt: new Date("2026-06-01T18:00:00Z") },
          { childId, topic: "online-games", talkedAt: new Date("2026-03-01T18:00:00Z") }, // spring: neither
        ],
      });
    }
    const { rows } = await schoolCounts(school.id, now, database.db);
    expect(rows.map((row) => row.measure)).toEqual([
      "Sign-ups through your links, Autumn term 2026",
      "Sign-ups through your links, Summer term 2026",
      "Counted families with an active monthly check-in",
      "Check-ins logged by counted families, Autumn term 2026",
      "Check-ins logged by counted families, Summer term 2026",
    ]);
    // Five counted families, one talk each per term; the sixth family's talks are not the school's.
    expect(label(rows[3]!.shown.total)).toBe("5");
    expect(label(rows[4]!.shown.total)).toBe("5");

    // One busy family: 12 more talks this term are still not a figure once another family stops counting.
    await database.db.checkIn.createMany({
      data: Array.from({ length: 12 }, () => ({
        childId: counted[0]!,
        topic: "online-games",
        talkedAt: new Date("2026-10-02T18:00:00Z"),
      })),
    });
    expect(label((await schoolCounts(school.id, now, database.db)).rows[3]!.shown.total)).toBe("17");
    const second = await database.db.child.findUniqueOrThrow({ where: { id: counted[1]! } });
    await stopCounting(database.db, second.userId, counted[1]!, school.id);
    const after = (await schoolCounts(school.id, now, database.db)).rows;
    expect(after.slice(3).map((row) => label(row.shown.total))).toEqual([
      "fewer than 5 families",
      "fewer than 5 families",
    ]);
  });

  it("shows no figure at all until 5 parents in all have signed up through the school's links", async () => {
    // A code handed to a single family: whether they signed up, are counted or talked is not told.
    const { school } = await register();
    const shown = async () => (await schoolCounts(school.id, new Date(), database.db)).rows;
    const none = await shown();
    const lone = await signUpThrough(school.code, "8-10");
    await countFamily(database.db, lone.parent.id, lone.childId, school.code);
    await database.db.checkIn.create({ data: { childId: lone.childId, topic: "online-games" } });
    const one = await shown();
    expect(one).toEqual(none);
    expect(one.every((row) => label(row.shown.total) === "fewer than 5")).toBe(true);
    expect((await schoolCounts(school.id, new Date(), database.db)).tooFewYet).toBe(true);
  });
});

describe("contacts", () => {
  const inviteTokenOf = (text: string) => /https:\/\/talkoften\.test\/school\/join\/(\S+)/.exec(text)![1]!;

  it("invites a colleague by email; opening the link changes nothing, its button makes them a contact", async () => {
    const { contact, school } = await register("Oakfield <Academy>");
    smtp.messages.length = 0;
    expect(
      await inviteContact(database.db, env, school, contact.email, " Head@Example.org ", client()),
    ).toEqual({ ok: true, email: "head@example.org" });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("Join Oakfield <Academy> on Talk Often");
    expect(mail!.html).toContain("Oakfield &lt;Academy&gt;");
    const token = inviteTokenOf(mail!.text ?? "");
    expect((await readInvitation(token, env, database.db))?.email).toBe("head@example.org");
    expect(await database.db.user.findUnique({ where: { email: "head@example.org" } })).toBeNull();

    expect(await acceptInvitation(database.db, env, token)).toEqual({
      code: school.code,
      email: "head@example.org",
    });
    // Used once: the same link again does nothing more.
    expect(await acceptInvitation(database.db, env, token)).toBe("invalid");
    const head = await database.db.user.findUniqueOrThrow({ where: { email: "head@example.org" } });
    expect(await schoolForContact(head.id, school.code, database.db)).not.toBeNull();
    // An altered link does nothing.
    expect(await acceptInvitation(database.db, env, `${token}x`)).toBe("invalid");
    // Already a contact: no second email.
    const again = await inviteContact(
      database.db,
      env,
      (await schoolForContact(contact.id, school.code, database.db))!,
      contact.email,
      "head@example.org",
      client(),
    );
    expect(again).toEqual({ ok: false, error: `head@example.org is already a contact for ${school.name}.` });
  });

  it("can be cancelled, replaced by a newer one, and never brings back a contact who was removed", async () => {
    const { contact, school } = await register();
    const current = async () => (await schoolForContact(contact.id, school.code, database.db))!;
    const invite = async (email: string) => {
      smtp.messages.length = 0;
      expect(
        (await inviteContact(database.db, env, await current(), contact.email, email, client())).ok,
      ).toBe(true);
      return inviteTokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    };
    // Cancelled: its link stops working.
    const cancelled = await invite("cancel@example.org");
    const [waiting] = (await current()).invitations;
    expect(waiting).toMatchObject({ email: "cancel@example.org" });
    expect(await cancelInvitation(database.db, await current(), waiting!.id)).toBe("ok");
    expect(await acceptInvitation(database.db, env, cancelled)).toBe("invalid");
    // Replaced: only the newest link to an address works.
    const older = await invite("twice@example.org");
    const newer = await invite("twice@example.org");
    expect(await acceptInvitation(database.db, env, older)).toBe("invalid");
    expect(await acceptInvitation(database.db, env, newer)).toMatchObject({ code: school.code });
    // Removed: a link still waiting for their address goes with them.
    const twice = await database.db.user.findUniqueOrThrow({ where: { email: "twice@example.org" } });
    const pending = await invite("twice-other@example.org");
    expect(
      await inviteContact(database.db, env, await current(), contact.email, "twice@example.org", client()),
    ).toMatchObject({ ok: false, error: expect.stringContaining("already a contact") });
    // An invitation to them made before they joined (say, by another contact at the same moment).
    await database.db.schoolInvitation.create({
      data: { schoolId: school.id, email: "twice@example.org", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await removeContact(database.db, await current(), twice.id)).toBe("ok");
    expect(await database.db.schoolInvitation.count({ where: { email: "twice@example.org" } })).toBe(0);
    // A deleted school's invitations do nothing.
    await deleteSchool(database.db, await current());
    expect(await acceptInvitation(database.db, env, pending)).toBe("invalid");
    expect(await database.db.user.findUnique({ where: { email: "twice-other@example.org" } })).toBeNull();
  });

  it("removes a contact who left; the last contact cannot leave, even two removing each other at once", async () => {
    const { contact, school } = await register();
    const colleague = await makeParent(database.db);
    await database.db.schoolContact.create({ data: { schoolId: school.id, userId: colleague.id } });
    const both = (await schoolForContact(contact.id, school.code, database.db))!;
    const outcomes = await Promise.all([
      removeContact(database.db, both, colleague.id),
      removeContact(database.db, both, contact.id),
    ]);
    expect(outcomes.sort()).toEqual(["last", "ok"]);
    expect(await database.db.schoolContact.count({ where: { schoolId: school.id } })).toBe(1);
  });

  it(`holds at most ${MAX_CONTACTS} contacts, also when invitations are accepted at once`, async () => {
    const { contact, school } = await register();
    const others = await Promise.all(Array.from({ length: MAX_CONTACTS - 2 }, () => makeParent(database.db)));
    await database.db.schoolContact.createMany({
      data: others.map((o) => ({ schoolId: school.id, userId: o.id })),
    });
    const tokens: string[] = [];
    smtp.messages.length = 0;
    for (const email of ["late1@example.org", "late2@example.org", "late3@example.org"]) {
      const current = (await schoolForContact(contact.id, school.code, database.db)) as SchoolForContact;
      expect((await inviteContact(database.db, env, current, contact.email, email, client())).ok).toBe(true);
    }
    for (const mail of await smtp.waitFor(3)) tokens.push(inviteTokenOf(mail.text ?? ""));
    const outcomes = await Promise.all(tokens.map((token) => acceptInvitation(database.db, env, token)));
    expect(outcomes.filter((o) => o === "full")).toHaveLength(2);
    expect(await database.db.schoolContact.count({ where: { schoolId: school.id } })).toBe(MAX_CONTACTS);
  });
});

describe("deleting", () => {
  it("a school stops its code counting and removes its links; parents keep their children and plans", async () => {
    const { school } = await register();
    const { parent, childId } = await signUpThrough(school.code);
    await countFamily(database.db, parent.id, childId, school.code);
    await deleteSchool(database.db, school);
    expect(await database.db.school.findUnique({ where: { id: school.id } })).toBeNull();
    expect(await database.db.schoolFamily.count({ where: { childId } })).toBe(0);
    expect(await database.db.schoolSignUps.count({ where: { schoolId: school.id } })).toBe(0);
    expect(await database.db.checkInPlan.count({ where: { childId } })).toBe(1);
    const before = await database.db.schoolSignUps.count();
    await signUpThrough(school.code);
    expect(await database.db.schoolSignUps.count()).toBe(before);
  });

  it("the last contact's account deletes the school with it; a school with another contact stays", async () => {
    const alone = await register();
    const shared = await register();
    const colleague = await makeParent(database.db);
    await database.db.schoolContact.create({ data: { schoolId: shared.school.id, userId: colleague.id } });
    await database.db.schoolContact.create({
      data: { schoolId: alone.school.id, userId: shared.contact.id },
    });
    await deleteUserData(database.db, alone.contact.id);
    expect(await database.db.school.count({ where: { id: alone.school.id } })).toBe(1); // shared.contact is still there
    await deleteUserData(database.db, shared.contact.id);
    expect(await database.db.school.count({ where: { id: alone.school.id } })).toBe(0);
    expect(await database.db.school.count({ where: { id: shared.school.id } })).toBe(1);
  });
});
