import { describe, expect, it } from "vitest";
import { databaseSuite } from "../../helpers/integration-env";

const database = databaseSuite();

describe("the Prisma client over node-postgres", () => {
  it("writes and reads rows in a real PostgreSQL", async () => {
    const user = await database.db.user.create({ data: { email: "parent@example.org" } });
    const found = await database.db.user.findUnique({ where: { email: "parent@example.org" } });
    expect(found?.id).toBe(user.id);
    expect(found?.createdAt).toBeInstanceOf(Date);
  });

  it("enforces the schema's unique constraints", async () => {
    await database.db.user.create({ data: { email: "twice@example.org" } });
    await expect(database.db.user.create({ data: { email: "twice@example.org" } })).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it("removes a user's sessions with the user", async () => {
    const user = await database.db.user.create({
      data: {
        email: "leaving@example.org",
        sessions: { create: { sessionToken: "s1", expires: new Date(Date.now() + 60_000) } },
      },
    });
    await database.db.user.delete({ where: { id: user.id } });
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
