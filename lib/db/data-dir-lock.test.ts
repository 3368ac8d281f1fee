// The data directory lock is released by the kernel when its process ends, however it ends: these tests
// kill real holder processes with SIGKILL (leaving a zombie, too) and take the directory right after.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, findDataDirOwner, lockDataDir, lockSocketPath } from "./data-dir-lock";

const root = fileURLToPath(new URL("../..", import.meta.url));
const holderScript = path.join(root, "test", "support", "data-dir-lock-holder.ts");
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sb-lock-"));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill("SIGKILL")));

/** Output lines of a process, awaited one marker at a time. */
function linesOf(child: ChildProcess) {
  let out = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  return (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (match) return resolve(match);
        if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode}: ${out}`));
        setTimeout(check, 20);
      };
      check();
    });
}

/** A holder process, optionally under a parent that never reaps it (so its death leaves a zombie). */
function startHolder(dir: string, { unreapedParent = false } = {}) {
  const holder = [process.execPath, "--import", "tsx", holderScript, dir];
  // The parent blocks its event loop, so it never collects its child's exit status.
  const parent = `require("node:child_process").spawn(${JSON.stringify(holder[0])}, ${JSON.stringify(holder.slice(1))}, { stdio: "inherit" });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);`;
  const child = unreapedParent
    ? spawn(process.execPath, ["-e", parent], { cwd: root, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(holder[0], holder.slice(1), { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return { child, waitFor: linesOf(child) };
}

async function holdAndKill(dir: string, options?: { unreapedParent?: boolean }) {
  const { waitFor } = startHolder(dir, options);
  const pid = Number((await waitFor(/LOCKED (\d+)/))[1]);
  process.kill(pid, "SIGKILL");
  // Wait until the process has died: gone, or a zombie whose threads have all exited (files closed).
  for (let i = 0; i < 300 && isDying(pid); i++) await new Promise((r) => setTimeout(r, 10));
  return pid;
}

function processState(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] ?? null;
  } catch {
    return null;
  }
}

function isDying(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false; // gone
  }
  if (!existsSync("/proc")) return false;
  // A zombie's leader shows "Z" while its other threads may still be exiting, holding its files.
  return processState(pid) !== "Z" || readdirSync(`/proc/${pid}/task`).length > 1;
}

describe("data directory lock", () => {
  it("is taken once, refused while held, and released", async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    expect(existsSync(lockSocketPath(dir))).toBe(true);
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
    release();
    expect(existsSync(lockSocketPath(dir))).toBe(false);
    (await lockDataDir(dir))();
    // Nothing is left in the directory: no side names.
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a directory held by another live process, naming the directory and the pid", async () => {
    const dir = tempDir();
    const { waitFor } = startHolder(dir);
    const pid = Number((await waitFor(/LOCKED (\d+)/))[1]);
    expect(await findDataDirOwner(dir)).toEqual({ pid });
    const refused = lockDataDir(dir);
    await expect(refused).rejects.toThrow(DataDirInUseError);
    await expect(refused).rejects.toThrow(
      `${path.resolve(dir)} is in use by another Signalboard process (pid ${pid})`,
    );
  });

  it("is taken at once after its holder is killed with SIGKILL", async () => {
    const dir = tempDir();
    await holdAndKill(dir);
    expect(existsSync(lockSocketPath(dir))).toBe(true); // the socket file is left behind…
    expect(await findDataDirOwner(dir)).toBeNull(); // …but nothing listens on it
    const started = Date.now();
    const release = await lockDataDir(dir);
    expect(Date.now() - started).toBeLessThan(500);
    release();
  });

  it("is taken at once while the killed holder is still a zombie (its parent has not reaped it)", async () => {
    const dir = tempDir();
    const pid = await holdAndKill(dir, { unreapedParent: true });
    if (existsSync("/proc")) expect(processState(pid)).toBe("Z"); // its pid is still taken
    const release = await lockDataDir(dir);
    release();
  });

  it("ignores pids: a live unrelated process with the pid of an earlier owner does not block", async () => {
    const dir = tempDir();
    await holdAndKill(dir);
    // The pid lock file of earlier versions, naming a live process that is not Signalboard.
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(unrelated);
    writeFileSync(path.join(dir, "signalboard.lock"), String(unrelated.pid));
    expect(await findDataDirOwner(dir)).toBeNull();
    (await lockDataDir(dir))();
  });

  it("keeps the socket of a data directory too deep for a socket path in the temporary directory", async () => {
    const deep = path.join(tempDir(), "a-directory-name-that-is-long-enough".repeat(3));
    const socket = lockSocketPath(deep);
    expect(path.join(deep, "signalboard.sock").length).toBeGreaterThan(103);
    expect(socket.startsWith(tmpdir())).toBe(true);
    expect(socket.length).toBeLessThanOrEqual(103);
    const release = await lockDataDir(deep);
    await expect(lockDataDir(deep)).rejects.toThrow(DataDirInUseError);
    release();
    (await lockDataDir(deep))();
  });

  it("goes to exactly one of several processes starting at once on a lock left behind", async () => {
    const dir = tempDir();
    await holdAndKill(dir);
    const starters = Array.from({ length: 4 }, () => startHolder(dir));
    const outcomes = await Promise.all(starters.map(({ waitFor }) => waitFor(/LOCKED|IN USE/)));
    expect(outcomes.map((m) => m[0]).sort()).toEqual(["IN USE", "IN USE", "IN USE", "LOCKED"]);
  });
});
