// Runs a server program in several processes that share one port (node:cluster), so that a machine's
// cores all serve requests: one Node.js process runs JavaScript on one core at a time. `npm start`
// uses it for scripts/server.mjs (WEB_PROCESSES, by default one per core).
//
// The primary (the caller's process) only hands out connections and looks after the processes:
//   - a process that dies after it started listening is replaced (a crash costs its own requests
//     only), unless they die too often (5 times within a minute), which stops them all;
//   - a process that dies before it ever listened (a bad build, the port taken) stops them all,
//     and its exit code is the result;
//   - kill() passes the signal on to every process and resolves once they have all exited.
import cluster, { type Worker } from "node:cluster";
import { forwardLines, type ChildOutput, type Running } from "./child-processes";

const RESTARTS_ALLOWED = 5;
const RESTART_WINDOW_MS = 60_000;

export function runCluster(options: {
  /** The program each process runs (a file path), and its arguments. */
  exec: string;
  args: string[];
  processes: number;
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** Each line the processes write; without it, they write to this process's terminal. */
  output?: ChildOutput;
}): Running {
  const log = options.log ?? ((line: string) => console.log(line));
  // Not tsx's loader or the caller's flags: the program is plain JavaScript.
  cluster.setupPrimary({ exec: options.exec, args: options.args, execArgv: [], silent: !!options.output });

  const workers = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let result = 0;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const stopAll = (signal: NodeJS.Signals, code: number) => {
    if (!stopping) result = code;
    stopping = true;
    if (workers.size === 0) resolveDone(result);
    for (const worker of workers) worker.process.kill(signal);
  };

  const fork = () => {
    const worker = cluster.fork(options.env);
    if (options.output) forwardLines(worker.process, options.output);
    let listening = false;
    workers.add(worker);
    worker.on("listening", () => (listening = true));
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      const status = code ?? (signal ? 1 : 0);
      if (stopping) {
        if (workers.size === 0) resolveDone(result);
        return;
      }
      if (!listening) {
        log(`Server process ${worker.process.pid} exited before it was ready (exit code ${status}).`);
        stopAll("SIGTERM", status || 1);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > RESTARTS_ALLOWED) {
        log(`Server processes exited ${restarts.length} times within a minute; stopping.`);
        stopAll("SIGTERM", status || 1);
        return;
      }
      log(
        `Server process ${worker.process.pid} exited (${signal ?? `exit code ${status}`}); starting another.`,
      );
      fork();
    });
  };

  for (let i = 0; i < options.processes; i += 1) fork();
  return { done, kill: (signal = "SIGTERM") => stopAll(signal, 0) };
}
