// Small factories for integration tests.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { PrismaClient } from "@/prisma/generated/client";

export async function makeParent(
  db: PrismaClient,
  email = `parent-${randomBytes(4).toString("hex")}@example.org`,
) {
  return db.user.create({ data: { email } });
}

export async function makeChildWithPlan(db: PrismaClient, userId: string) {
  return db.child.create({
    data: {
      userId,
      label: "J",
      ageGroup: "8-10",
      plan: {
        create: {
          ruleKind: "DAY_OF_MONTH",
          dayOfMonth: 3,
          localTime: "19:00",
          timeZone: "Europe/London",
          nextDueAt: new Date("2026-12-03T19:00:00Z"),
        },
      },
      checkIns: { create: { topic: "live-streaming", note: "went well" } },
    },
    include: { plan: true },
  });
}

export const validPlan = {
  ruleKind: "NTH_WEEKDAY",
  nth: "1",
  weekday: "7",
  localTime: "19:30",
  timeZone: "Australia/Sydney",
  email: "on",
};

/** Every row of the tables the account forms write, as text, to prove a refused action wrote nothing. */
export async function accountFormRows(db: PrismaClient): Promise<string> {
  return JSON.stringify([
    await db.child.findMany({ orderBy: { id: "asc" } }),
    await db.checkInPlan.findMany({ orderBy: { id: "asc" } }),
    await db.checkIn.findMany({ orderBy: { id: "asc" } }),
  ]);
}

/** Runs `act`, expects it to have written nothing to the account forms' tables, and returns its answer. */
export async function expectNothingWritten<T>(db: PrismaClient, act: () => Promise<T>): Promise<T> {
  const before = await accountFormRows(db);
  const answer = await act();
  expect(await accountFormRows(db)).toBe(before);
  return answer;
}
