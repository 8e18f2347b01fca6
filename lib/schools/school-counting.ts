// The anonymous count of sign-ups through a school's links, and the families who chose to be counted.
import type { PrismaClient } from "@/prisma/generated/client";
import type { Transaction } from "@/lib/server/db";
import { ageGroupOn, type ChildAge } from "@/lib/guides/age-groups";
import { isRowId } from "@/lib/server/form-input";
import { termOf } from "@/lib/schools/school-terms";
import { createHmac } from "node:crypto";
import { requireLinkSecret } from "@/lib/server/signed-links";
import { schoolByCode } from "@/lib/schools/schools";

/**
 * Counts one sign-up through a school's link for the term it happens in: one statement that adds one
 * to the number, and does nothing when the code is no longer a school's (it was deleted).
 */
export async function countSignUp(
  tx: Transaction,
  code: string,
  child: ChildAge & { userId: string },
  now = new Date(),
) {
  const ageGroup = ageGroupOn(child, now);
  const term = termOf(now);
  // A family counts once a term, whatever it adds or removes: its mark goes in first, and only a new
  // mark adds one to the counter (both in the caller's transaction).
  const marked = await tx.$executeRaw`
    INSERT INTO "SchoolSignUpFamily" ("schoolId", "term", "family")
    SELECT "id", ${term}, ${familyKey(child.userId)} FROM "School" WHERE "code" = ${code}
    ON CONFLICT DO NOTHING`;
  if (marked === 0) return;
  await tx.$executeRaw`
    INSERT INTO "SchoolSignUps" ("schoolId", "term", "ageGroup", "count")
    SELECT "id", ${term}, ${ageGroup}, 1 FROM "School" WHERE "code" = ${code}
    ON CONFLICT ("schoolId", "term", "ageGroup") DO UPDATE SET "count" = "SchoolSignUps"."count" + 1`;
}

/** The account's mark in SchoolSignUpFamily: an HMAC of its id, meaningless without AUTH_SECRET. */
function familyKey(userId: string): string {
  return createHmac("sha256", requireLinkSecret())
    .update(`school-family:${userId}`)
    .digest("hex")
    .slice(0, 64);
}

/** The parent's choice to let a school count their family, for one of their children. */
export async function countFamily(
  db: PrismaClient,
  userId: string,
  childId: string,
  typedCode: string,
): Promise<{ name: string } | "not-found"> {
  if (!isRowId(childId)) return "not-found";
  const [child, school] = await Promise.all([
    db.child.findFirst({ where: { id: childId, userId }, select: { id: true } }),
    schoolByCode(typedCode, db),
  ]);
  if (!child || !school) return "not-found";
  await db.schoolFamily.createMany({ data: [{ schoolId: school.id, childId }], skipDuplicates: true });
  return { name: school.name };
}

/** Takes a child's family out of a school's counts (from the account page). */
export async function stopCounting(
  db: PrismaClient,
  userId: string,
  childId: string,
  schoolId: string,
): Promise<"ok" | "not-found"> {
  if (!isRowId(childId) || !isRowId(schoolId)) return "not-found";
  const { count } = await db.schoolFamily.deleteMany({ where: { childId, schoolId, child: { userId } } });
  return count ? "ok" : "not-found";
}
