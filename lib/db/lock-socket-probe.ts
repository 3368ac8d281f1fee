// Asks a data directory's lock socket whether a live process holds it. The kernel answers for us: connect()
// succeeds only while the owner's listening socket is open, which ends with the process however it ends.
import net from "node:net";

export interface LockOwner {
  /** The owner's pid as it reports it; null when it did not answer in time (a stopped process). */
  pid: number | null;
}

export type LockProbe = { state: "live"; owner: LockOwner } | { state: "stale" } | { state: "absent" };

/** How long a connected owner may take to say its pid; the connection alone already proves it alive. */
const ANSWER_TIMEOUT_MS = 1_000;

export function probeLockSocket(file: string): Promise<LockProbe> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(file);
    let answer = "";
    let connected = false;
    const settle = (probe: LockProbe) => {
      clearTimeout(timer);
      connection.destroy();
      resolve(probe);
    };
    const pid = () => Number((/"pid":(\d+)/.exec(answer) ?? [])[1]) || null;
    // Still connected and silent after the timeout: a live process that is not running (stopped, frozen).
    const timer = setTimeout(() => settle({ state: "live", owner: { pid: pid() } }), ANSWER_TIMEOUT_MS);
    connection.on("connect", () => (connected = true));
    connection.on("data", (chunk) => (answer += chunk));
    // A live owner answers with its pid; one that closes on us without a word is dying (its last threads
    // still held the socket when we connected) and counts as gone.
    const closed = () => settle(pid() ? { state: "live", owner: { pid: pid() } } : { state: "stale" });
    connection.on("end", closed);
    connection.on("error", (error: NodeJS.ErrnoException) => {
      if (connected) return closed();
      clearTimeout(timer);
      // ECONNREFUSED: a socket file with no listener behind it (its process died); ENOENT: no file.
      if (error.code === "ECONNREFUSED") resolve({ state: "stale" });
      else if (error.code === "ENOENT") resolve({ state: "absent" });
      else reject(error);
    });
  });
}
