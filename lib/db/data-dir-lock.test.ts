import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DataDirInUseError, dataDirOwner, lockDataDir, lockFilePath } from "./data-dir-lock";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "sb-lock-"));

describe("data directory lock", () => {
  it("is taken once and released", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(existsSync(lockFilePath(dir))).toBe(true);
    release();
    expect(existsSync(lockFilePath(dir))).toBe(false);
    lockDataDir(dir)();
  });

  it("refuses a directory owned by another live process, naming it", async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      writeFileSync(lockFilePath(dir), String(other.pid));
      expect(dataDirOwner(dir)).toBe(other.pid);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => gone.on("exit", r));
    writeFileSync(lockFilePath(dir), String(gone.pid));
    expect(dataDirOwner(dir)).toBeNull();
    const release = lockDataDir(dir);
    release();
  });
});
