// A parent moves their account to another address: a link to the new address, a button that makes the
// change (and ends a bounce or complaint suppression), nothing changed by opening the link alone.
import { describe, expect, it } from "vitest";
import {
  confirmEmailChange,
  emailChangeState,
  readEmailChange,
  requestEmailChange,
} from "@/lib/accounts/email-change";
import { makeParent } from "../../helpers/factories";
import { mailAndDatabaseSuite } from "../../helpers/integration-env";

const { database, smtp, env } = mailAndDatabaseSuite({ AUTH_SECRET: "e".repeat(40) });

const tokenOf = (text: string) => /https:\/\/talkoften\.test\/email-change\/(\S+)/.exec(text)![1]!;

describe("changing the account's email address", () => {
  it("emails a link to the new address; its button moves the account there and ends a suppression", async () => {
    const parent = await makeParent(database.db, "old@example.org");
    await database.db.user.update({
      where: { id: parent.id },
      data: { mailSuppressedAt: new Date(), mailSuppressedReason: "BOUNCE", softBounces: 3 },
    });
    expect(
      await requestEmailChange(database.db, env, parent.id, " New@Example.org ", "198.51.100.1"),
    ).toEqual({
      ok: true,
      email: "new@example.org",
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe("new@example.org");
    expect(mail!.subject).toBe("Confirm your new email address for Talk Often");
    const token = tokenOf(mail!.text ?? "");
    // Reading the link (what its page does on GET) changes nothing.
    expect(readEmailChange(env, token)).toEqual({
      userId: parent.id,
      email: "new@example.org",
      from: "old@example.org",
    });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).email).toBe(
      "old@example.org",
    );

    expect(await confirmEmailChange(database.db, env, token)).toBe("changed");
    expect(await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).toMatchObject({
      email: "new@example.org",
      mailSuppressedAt: null,
      mailSuppressedReason: null,
      softBounces: 0,
    });
    expect(await confirmEmailChange(database.db, env, token)).toBe("changed"); // pressing twice is harmless
  });

  it("refuses an address another account has, a forged or expired link, the same address, and too many asks", async () => {
    const first = await makeParent(database.db, "first@example.org");
    await makeParent(database.db, "taken@example.org");
    smtp.messages.length = 0;
    await requestEmailChange(database.db, env, first.id, "taken@example.org", "198.51.100.2");
    const token = tokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    expect(await confirmEmailChange(database.db, env, token)).toBe("taken");
    expect((await database.db.user.findUniqueOrThrow({ where: { id: first.id } })).email).toBe(
      "first@example.org",
    );

    expect(await confirmEmailChange(database.db, env, `${token.slice(0, -2)}xx`)).toBe("invalid");
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await confirmEmailChange(database.db, env, token, { now: later })).toBe("invalid");

    expect(await requestEmailChange(database.db, env, first.id, "FIRST@example.org", "198.51.100.2")).toEqual(
      {
        ok: false,
        error: "That is already your address.",
      },
    );
    expect(
      await requestEmailChange(database.db, env, first.id, "not an address", "198.51.100.2"),
    ).toMatchObject({ ok: false });
    // The sign-in limits count these emails: 3 per address in 15 minutes.
    const outcomes = [];
    for (let i = 0; i < 4; i += 1)
      outcomes.push(
        (await requestEmailChange(database.db, env, first.id, "busy@example.org", `198.51.100.${10 + i}`)).ok,
      );
    expect(outcomes).toEqual([true, true, true, false]);
  });

  it("works once: an old link cannot move the account back after a later change (probe N5)", async () => {
    const parent = await makeParent(database.db, "a@example.org");
    smtp.messages.length = 0;
    await requestEmailChange(database.db, env, parent.id, "b@example.org", "198.51.100.30");
    const toB = tokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    expect(await emailChangeState(env, toB, database.db)).toBe("pending");
    expect(await confirmEmailChange(database.db, env, toB)).toBe("changed");
    // Opened again (or after Back), its page says it is done, before any button.
    expect(await emailChangeState(env, toB, database.db)).toBe("changed");
    smtp.messages.length = 0;
    await requestEmailChange(database.db, env, parent.id, "c@example.org", "198.51.100.31");
    const toC = tokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    expect(await confirmEmailChange(database.db, env, toC)).toBe("changed");
    // Whoever reads b@'s mailbox presses the first link again: nothing moves.
    expect(await emailChangeState(env, toB, database.db)).toBe("used");
    expect(await confirmEmailChange(database.db, env, toB)).toBe("used");
    expect(await emailChangeState(env, `${toB.slice(0, -2)}xx`, database.db)).toBe("invalid");
    expect((await database.db.user.findUniqueOrThrow({ where: { id: parent.id } })).email).toBe(
      "c@example.org",
    );
  });

  it("signs the account out everywhere but the browser that pressed the button (probe N5)", async () => {
    const parent = await makeParent(database.db, "sessions@example.org");
    const expires = new Date(Date.now() + 86_400_000);
    await database.db.session.createMany({
      data: [
        { sessionToken: "pressing-browser", userId: parent.id, expires },
        { sessionToken: "other-device", userId: parent.id, expires },
        { sessionToken: "someone-who-asked", userId: parent.id, expires },
      ],
    });
    smtp.messages.length = 0;
    await requestEmailChange(database.db, env, parent.id, "sessions-new@example.org", "198.51.100.32");
    const token = tokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    expect(await confirmEmailChange(database.db, env, token, { keepSession: "pressing-browser" })).toBe(
      "changed",
    );
    const left = await database.db.session.findMany({ where: { userId: parent.id } });
    expect(left.map((session) => session.sessionToken)).toEqual(["pressing-browser"]);
    // Pressed by a browser signed in to no session of this account: every session ends.
    await database.db.session.create({ data: { sessionToken: "again", userId: parent.id, expires } });
    smtp.messages.length = 0;
    await requestEmailChange(database.db, env, parent.id, "sessions-third@example.org", "198.51.100.33");
    const next = tokenOf((await smtp.waitFor(1))[0]!.text ?? "");
    expect(await confirmEmailChange(database.db, env, next)).toBe("changed");
    expect(await database.db.session.count({ where: { userId: parent.id } })).toBe(0);
  });
});
