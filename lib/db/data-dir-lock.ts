// One process owns an embedded database directory: two PGlite instances on the same files corrupt them.
// The lock is a Unix domain socket listening in the directory (signalboard.sock). The kernel closes it the
// moment its process ends, however it ends (kill -9, the OOM killer, a crash), so a connection that
// succeeds means a live owner and a refused one means a file left behind. No pid is trusted: a killed
// process's pid stays "alive" as a zombie until its parent reaps it, and pids are reused.
import { createHash, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { probeLockSocket, type LockOwner } from "./lock-socket-probe";

export type { LockOwner } from "./lock-socket-probe";

export class DataDirInUseError extends Error {
  name = "DataDirInUseError";
}

const SOCKET_NAME = "signalboard.sock";
/** sun_path holds 104 bytes on macOS, 108 on Linux, the terminating NUL included. */
const MAX_SOCKET_PATH = 103;

/** Where the lock socket of a data directory lives. */
export function lockSocketPath(dataDir: string): string {
  const inDir = path.join(path.resolve(dataDir), SOCKET_NAME);
  if (inDir.length <= MAX_SOCKET_PATH) return inDir;
  // A data directory too deep for a socket path: a per-directory folder in the temporary directory.
  const key = createHash("sha256").update(canonical(dataDir)).digest("hex").slice(0, 16);
  const dir = path.join(tmpdir(), `signalboard-${key}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, SOCKET_NAME);
}

function canonical(dataDir: string): string {
  try {
    return realpathSync(dataDir); // one key for every path that reaches the same directory
  } catch {
    return path.resolve(dataDir); // not created yet
  }
}

/** The live process that owns the directory, or null when it is free (no socket, or one left behind). */
export async function findDataDirOwner(dataDir: string): Promise<LockOwner | null> {
  const probe = await probeLockSocket(lockSocketPath(dataDir));
  return probe.state === "live" ? probe.owner : null;
}

function inUse(dataDir: string, owner: LockOwner): DataDirInUseError {
  const who = owner.pid ? ` (pid ${owner.pid})` : "";
  return new DataDirInUseError(
    `the embedded database in ${path.resolve(dataDir)} is in use by another Signalboard process${who}: stop it, or set another DATA_DIR`,
  );
}

const sideName = (socket: string) =>
  path.join(path.dirname(socket), `.sb-${randomBytes(4).toString("hex")}.sock`);

function listen(server: net.Server, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(file, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Takes the directory for this process; returns the release function. The socket listens under a private
 * name first and is then hard-linked to signalboard.sock, which fails if that name exists: of several
 * processes starting at once, exactly one gets it. A name left behind is first renamed away (atomic, so
 * only one process removes it) and removed only if nothing answers under the new name.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const socket = lockSocketPath(dataDir);
  const ownName = sideName(socket);
  const server = net.createServer((connection) => connection.end(JSON.stringify({ pid: process.pid })));
  await listen(server, ownName);
  server.unref(); // the lock never keeps the process alive
  const giveUp = () => server.close(); // also removes ownName

  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      linkSync(ownName, socket);
    } catch (error) {
      if (code(error) !== "EEXIST") {
        giveUp();
        throw error;
      }
      const probe = await probeLockSocket(socket);
      if (probe.state === "live") {
        giveUp();
        throw inUse(dataDir, probe.owner);
      }
      if (probe.state === "stale") await removeLeftBehind(socket);
      continue;
    }
    rmSync(ownName, { force: true });
    const ours = statSync(socket).ino;
    return () => {
      // Remove the name only while it is still ours; the socket itself closes with the server.
      try {
        if (statSync(socket).ino === ours) rmSync(socket, { force: true });
      } catch {
        // already gone
      }
      server.close();
    };
  }
  giveUp();
  throw new DataDirInUseError(`could not lock ${path.resolve(dataDir)}: other processes keep taking it`);
}

/** Moves a stale-looking name aside, then removes it if it is dead; puts it back if it came alive. */
async function removeLeftBehind(socket: string): Promise<void> {
  const aside = sideName(socket);
  try {
    renameSync(socket, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return; // another process moved it first
    throw error;
  }
  if ((await probeLockSocket(aside)).state === "live") {
    // Between our probe and the rename, another process took the name: give it back.
    try {
      linkSync(aside, socket);
    } catch {
      // Only a third process arriving within these few microseconds could have taken the name.
    }
  }
  rmSync(aside, { force: true });
}
