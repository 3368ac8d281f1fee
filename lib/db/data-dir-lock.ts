// One process owns an embedded database directory: two PGlite instances on the same files corrupt them.
// A lock file holding the owner's pid is taken with O_EXCL; a lock left by a process that no longer runs
// (after a crash or kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  name = "DataDirInUseError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "signalboard.lock");
}

/** Returns the pid of the other live process that owns the directory, or null. */
export function dataDirOwner(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(lockFilePath(dataDir), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the directory for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = dataDirOwner(dataDir);
      if (owner) {
        throw new DataDirInUseError(
          `the embedded database in ${dataDir} is in use by another Signalboard process (pid ${owner}): stop it, or set another DATA_DIR`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`could not lock ${dataDir}`);
}
