// /api/ready's checks against a real PostgreSQL: the database, the migrations, the worker's heartbeat.
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { readiness } from "@/lib/server/readiness";
import { databaseSuite } from "../../helpers/integration-env";

const database = databaseSuite();

const heartbeatAt = (when: Date) => database.db.$executeRaw`
  INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
  VALUES ('dispatch_due_reminders', ${new Date(when.getTime() - 3_600_000)}, ${when})
  ON CONFLICT (identifier) DO UPDATE SET last_execution = excluded.last_execution`;

describe("readiness", () => {
  it("is not ready until a reminder worker has reported in", async () => {
    expect(await readiness(database.db)).toEqual({
      ready: false,
      problems: ["no reminder worker has reported in within the last 2 minutes"],
    });
  });

  it("is ready with the database up, every migration applied and a heartbeat in the last 2 minutes", async () => {
    await runMigrations({ connectionString: database.url });
    const now = new Date();
    await heartbeatAt(new Date(now.getTime() - 30_000));
    expect(await readiness(database.db, now)).toEqual({ ready: true, problems: [] });
    expect((await readiness(database.db, new Date(now.getTime() + 3 * 60_000))).problems).toEqual([
      "no reminder worker has reported in within the last 2 minutes",
    ]);
  });

  it("names a migration that is not applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "talkoften-migrations-"));
    for (const name of readdirSync("prisma/migrations", { withFileTypes: true }))
      if (name.isDirectory()) mkdirSync(path.join(dir, name.name));
    mkdirSync(path.join(dir, "20991231000000_not_yet"));
    const now = new Date();
    await heartbeatAt(now);
    expect(await readiness(database.db, now, dir)).toEqual({
      ready: false,
      problems: ["migrations not applied: 20991231000000_not_yet"],
    });
  });
});
