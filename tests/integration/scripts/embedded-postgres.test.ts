import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../../scripts/embedded-postgres";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "talkoften-embedded-"));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  it("starts, keeps its data across a restart, and is reused while running", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.startedHere).toBe(true);
    expect(existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);
    const [row] = await query<{ server_version: string }>(first.url(), "SHOW server_version");
    expect(row?.server_version).toMatch(/^\d+/);
    await query(first.url(), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");

    // A second command beside a running server finds it instead of starting another.
    const beside = await startEmbeddedPostgres({ dataDir });
    expect(beside.startedHere).toBe(false);
    expect(beside.port).toBe(first.port);
    await beside.stop(); // a no-op: it did not start the server
    expect(await query(first.url(), "SELECT note FROM kept")).toEqual([{ note: "still here" }]);

    const systemId = readFileSync(path.join(dataDir, "postgres", "global", "pg_control")).subarray(0, 8);
    await first.stop();
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    expect(second.startedHere).toBe(true);
    // The same cluster (not a fresh initdb), with the row written before the restart.
    expect(readFileSync(path.join(dataDir, "postgres", "global", "pg_control")).subarray(0, 8)).toEqual(
      systemId,
    );
    expect(await query(second.url(), "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await second.stop();
  });

  it("listens on loopback only, with a password kept private under the data directory", async () => {
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const [row] = await query<{ listen_addresses: string }>(server.url(), "SHOW listen_addresses");
      expect(row?.listen_addresses).toBe("localhost");
      const mode = (await import("node:fs")).statSync(path.join(dataDir, "postgres-password")).mode & 0o777;
      expect(mode).toBe(0o600);
      const wrong = new pg.Client({ connectionString: server.url().replace(/:[^:@]+@/, ":wrong@") });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });
});
