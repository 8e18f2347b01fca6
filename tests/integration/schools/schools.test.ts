// A school's own place: registering (checked, rate-limited), the anonymous sign-up counter, the
// families who choose to be counted (and only they), the counts a contact sees, contacts, invitations,
// removal and deletion. Real PostgreSQL and a real SMTP server.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { addRemindedChild, parseRemindForm, REMIND_DEFAULTS } from "@/lib/accounts/remind-request";
import { deleteUserData } from "@/lib/accounts/account-data";
import { removeChildFor } from "@/lib/accounts/account-actions";
import { schoolCounts } from "@/lib/schools/school-counts";
import {
  acceptInvitation,
  cancelInvitation,
  inviteContact,
  readInvitation,
  removeContact,
} from "@/lib/schools/school-contacts";
import { countFamily, stopCounting } from "@/lib/schools/school-counting";
import {
  deleteSchool,
  MAX_CONTACTS,
  registerSchool,
  schoolForContact,
  schoolForVisitor,
  type SchoolForContact,
} from "@/lib/schools/schools";
import { countsCsv } from "@/lib/schools/school-counts";
import { publishSchoolSnapshots } from "@/lib/schools/school-snapshots";
import { termOf } from "@/lib/schools/school-terms";
import { makeParent } from "../../helpers/factories";
import { mailAndDatabaseSuite } from "../../helpers/integration-env";

const { database, smtp, env } = mailAndDatabaseSuite({ AUTH_SECRET: "k".repeat(40) });
beforeAll(() => {
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: "k".repeat(40) });
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
async function signUpThrough(
  code: string | undefined,
  ageGroup = "8-10",
  requestId?: string,
  who?: { id: string; email: string },
) {
  const parent = who ?? (await makeParent(database.db));
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
    requestId ?? `r${Math.random().toString(36).slice(2, 14)}`,
  );
  if (typeof made === "string") throw new Error(made);
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

describe("school codes typed into public links", () => {
  it("cannot be found by trying: past 30 unknown codes, a client finds no school at all (probe N9)", async () => {
    const { school } = await register();
    const guesser = client();
    expect((await schoolForVisitor(school.code, guesser, database.db))?.id).toBe(school.id);
    for (let i = 0; i < 30; i += 1)
      expect(await schoolForVisitor(`ZZZ${String(i).padStart(3, "0")}`, guesser, database.db)).toBeNull();
    expect(await schoolForVisitor(school.code, guesser, database.db)).toBeNull();
    // Another client, and the same client after the window, still find it.
    expect((await schoolForVisitor(school.code, client(), database.db))?.id).toBe(school.id);
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await schoolForVisitor(school.code, guesser, database.db, later))?.id).toBe(school.id);
  });
});

describe("what a school's contacts see", () => {
  /** A source of randomness that draws no noise: the figures as they are, for tests that read them. */
  const noNoise = () => 0.5;
  /** Everything a contact can read: the page's rows and the CSV. */
  const readable = async (schoolId: string) => {
    const counts = await schoolCounts(schoolId, database.db);
    return { counts, csv: countsCsv(counts.shown ? counts.rows : []) };
  };

  it("tells a school with no snapshot yet, or too few sign-ups in it, that figures come later", async () => {
    const { school } = await register();
    expect((await schoolCounts(school.id, database.db)).shown).toBe(false);
    await signUpThrough(school.code, "8-10");
    await publishSchoolSnapshots(database.db, new Date(), noNoise);
    expect((await schoolCounts(school.id, database.db)).shown).toBe(false);
  });

  it("shows a school with 6 families across two age groups a figure for its total", async () => {
    const { school } = await register();
    for (const ageGroup of ["4-7", "4-7", "4-7", "8-10", "8-10", "8-10"])
      await signUpThrough(school.code, ageGroup);
    await publishSchoolSnapshots(database.db, new Date(), noNoise);
    const counts = await schoolCounts(school.id, database.db);
    if (!counts.shown) throw new Error("no figures");
    expect(counts.rows[0]!.value).toBe(6);
    expect(countsCsv(counts.rows).split("\r\n")[1]).toMatch(/ so far",6$/);
  });

  it("publishes at most one snapshot a month, with its noise drawn once: every view gives the same figures", async () => {
    const { school } = await register();
    for (let i = 0; i < 8; i++) await signUpThrough(school.code, "11-13");
    const december = new Date("2026-12-06T12:00:00Z");
    // Two workers at once publish one snapshot.
    await Promise.all([
      publishSchoolSnapshots(database.db, december),
      publishSchoolSnapshots(database.db, december),
    ]);
    expect(await database.db.schoolSnapshot.count({ where: { schoolId: school.id } })).toBe(1);
    const first = await readable(school.id);
    expect(await publishSchoolSnapshots(database.db, new Date("2026-12-31T12:00:00Z"))).toBe(0);
    for (let i = 0; i < 5; i++) expect(await readable(school.id)).toEqual(first);
    // The next month has a snapshot of its own.
    expect(
      await publishSchoolSnapshots(database.db, new Date("2027-01-01T00:30:00Z")),
    ).toBeGreaterThanOrEqual(1);
    expect(await database.db.schoolSnapshot.count({ where: { schoolId: school.id } })).toBe(2);
  });

  it("replays the probe's padding: one family's every step changes nothing the contact can read", async () => {
    // The contact signs up five children of their own through the link, ticks each and logs a talk.
    const { contact, school } = await register();
    for (let i = 0; i < 5; i++) {
      const { childId } = await signUpThrough(school.code, "8-10", undefined, contact);
      await countFamily(database.db, contact.id, childId, school.code);
      await database.db.checkIn.create({ data: { childId, topic: "online-games" } });
    }
    // However many children one account adds, it is one family in the sign-ups.
    expect((await signUps(school.id)).reduce((sum, row) => sum + row.count, 0)).toBe(1);
    await publishSchoolSnapshots(database.db);
    const before = await readable(school.id);

    // The code goes to one family, and the contact reads the counts after each of its steps.
    const family = await signUpThrough(school.code, "8-10");
    expect(await readable(school.id)).toEqual(before); // signed up
    await countFamily(database.db, family.parent.id, family.childId, school.code);
    expect(await readable(school.id)).toEqual(before); // chose to be counted
    await database.db.checkIn.createMany({
      data: [1, 2].map(() => ({ childId: family.childId, topic: "online-games" })),
    });
    expect(await readable(school.id)).toEqual(before); // logged two talks
    await database.db.checkInPlan.update({ where: { childId: family.childId }, data: { paused: true } });
    expect(await readable(school.id)).toEqual(before); // paused
    await stopCounting(database.db, family.parent.id, family.childId, school.id);
    expect(await readable(school.id)).toEqual(before); // stopped the school counting them
    // Publishing again within the month changes nothing either.
    await publishSchoolSnapshots(database.db);
    expect(await readable(school.id)).toEqual(before);
  });

  it("counts talks and active check-ins of counted families only, once their term has ended", async () => {
    const { school } = await register();
    const november = new Date("2026-11-15T12:00:00Z"); // autumn term 2026; the summer term has ended
    for (let i = 0; i < 6; i++) {
      const { parent, childId } = await signUpThrough(school.code, "4-7");
      if (i < 5) await countFamily(database.db, parent.id, childId, school.code);
      await database.db.checkIn.createMany({
        data: [
          { childId, topic: "online-games", talkedAt: new Date("2026-10-01T18:00:00Z") }, // autumn: not ended
          { childId, topic: "online-games", talkedAt: new Date("2026-06-01T18:00:00Z") }, // summer
          { childId, topic: "online-games", talkedAt: new Date("2026-06-02T18:00:00Z") }, // a family counts once
        ],
      });
    }
    await publishSchoolSnapshots(database.db, november, noNoise);
    const counts = await schoolCounts(school.id, database.db);
    if (!counts.shown) throw new Error("no figures");
    expect(counts.rows.map((row) => [row.measure, row.value])).toEqual([
      ["Families who signed up through your links, Autumn term 2026 so far", 6],
      ["Families who signed up through your links, Summer term 2026", 0],
      ["Counted families with an active monthly check-in, counted after the Summer term 2026", 5],
      ["Counted families who logged a talk in the Summer term 2026", 5],
    ]);
  });

  it("counts a family once a term, however many children it adds and removes through the link", async () => {
    const { school } = await register();
    const parent = await makeParent(database.db);
    for (let i = 0; i < 6; i++) {
      const { childId } = await signUpThrough(school.code, "8-10", undefined, parent);
      await removeChildFor(database.db, parent.id, childId);
    }
    expect(await signUps(school.id)).toEqual([
      expect.objectContaining({ term: termOf(new Date()), ageGroup: "8-10", count: 1 }),
    ]);
  });
});

describe("contacts", () => {
  const inviteTokenOf = (text: string) => /https:\/\/talkoften\.test\/school\/join\/(\S+)/.exec(text)![1]!;

  it("words invitations itself: a name with a web address or bidi controls is refused, and quoted as data (probe N7)", async () => {
    const contact = await makeParent(database.db);
    const probe = "St Mary\u202Egnp.exe\u202C Primary: verify at https://evil.test/login";
    const refused = await registerSchool(database.db, contact.id, { name: probe, authority: "" }, client());
    expect(refused).toMatchObject({ ok: false, errors: { name: expect.stringContaining("web address") } });
    // A name registered before the rule, straight into the table: the email still words itself.
    const { school } = await register("Riverside Primary");
    await database.db.school.update({ where: { id: school.id }, data: { name: probe } });
    const stored = (await schoolForContact(school.contacts[0]!.userId, school.code, database.db))!;
    smtp.messages.length = 0;
    await inviteContact(database.db, env, stored, "head@riverside.test", "someone@example.org", client());
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("You have been invited to see a school's numbers on Talk Often");
    expect(mail!.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(mail!.text).not.toContain("https://evil.test");
    expect(mail!.text).toContain("The school's name, as it was registered:");
  });

  it("sends at most 20 invitations a school a day, whoever asks (probe N7)", async () => {
    const { contact, school } = await register("Busy Academy");
    const outcomes = [];
    for (let i = 0; i < 21; i += 1)
      outcomes.push(
        (await inviteContact(database.db, env, school, contact.email, `staff${i}@busy.test`, client())).ok,
      );
    expect(outcomes.filter(Boolean)).toHaveLength(20);
    expect(outcomes[20]).toBe(false);
  });

  it("invites a colleague by email; opening the link changes nothing, its button makes them a contact", async () => {
    const { contact, school } = await register("Oakfield <Academy>");
    smtp.messages.length = 0;
    expect(
      await inviteContact(database.db, env, school, contact.email, " Head@Example.org ", client()),
    ).toEqual({ ok: true, email: "head@example.org" });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("You have been invited to see a school's numbers on Talk Often");
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
