// `npm start` runs the server as its child and passes the child's fate on as its own. The stop signals a
// supervisor sends are forwarded (the server drains writes and closes the database on them), and the end
// of the server becomes npm start's exit status — a death by signal included: the OOM killer's SIGKILL
// must not look like a clean stop, or a supervisor that restarts on failure would leave the service down.
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The shell's convention: a process killed by signal N ends with status 128 + N (SIGKILL: 137). */
export function exitStatusOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number ? 128 + number : 1;
}

export interface RunServerOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
}

/** Starts the server and exits this process with the server's status when it ends. */
export function runServer({ command, args, env, say }: RunServerOptions): ChildProcess {
  const server = spawn(command, args, { stdio: "inherit", env });
  for (const signal of FORWARDED_SIGNALS) process.on(signal, () => server.kill(signal));
  server.on("error", (error) => {
    say(`Could not start the server: ${error.message}`);
    process.exit(1);
  });
  server.on("exit", (code, signal) => {
    const status = exitStatusOf(code, signal);
    if (signal) say(`The server was killed by ${signal}: exiting with status ${status}.`);
    process.exit(status);
  });
  return server;
}
