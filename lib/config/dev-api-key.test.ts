import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureDevApiKey, isDevApiKey } from "./dev-api-key";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("ensureDevApiKey", () => {
  it("writes one random key into .env.local when API_KEYS is unset, keeps what was there, and never twice", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sb-devkey-"));
    dirs.push(dir);
    await writeFile(path.join(dir, ".env.local"), "PORT=3001");
    const env: Record<string, string | undefined> = {};
    expect(ensureDevApiKey(dir, env)).toEqual({ file: path.join(dir, ".env.local") });
    const key = env.API_KEYS!;
    expect(isDevApiKey(key)).toBe(true);
    expect(key).toMatch(/^sb_dev_[0-9a-f]{32}$/);
    const text = await readFile(path.join(dir, ".env.local"), "utf8");
    expect(text.startsWith("PORT=3001\n")).toBe(true);
    expect(text).toContain(`API_KEYS=${key}\n`);
    // A second start finds it and writes nothing.
    expect(ensureDevApiKey(dir, env)).toBeNull();
    expect(await readFile(path.join(dir, ".env.local"), "utf8")).toBe(text);
  });

  it("leaves a configured API_KEYS alone", () => {
    expect(ensureDevApiKey("/nonexistent", { API_KEYS: "mine" })).toBeNull();
  });
});
