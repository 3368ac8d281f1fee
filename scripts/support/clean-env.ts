// The environment of a launcher's production build and server (the end-to-end tests, the bench): the parent's
// environment with every Signalboard variable and every variable the .env files set blanked, so a developer's
// shell or .env.local never leaks into a test or a measurement. Each launcher adds its own configuration.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { envSchema } from "../../lib/config/schema";

/** The .env files `next start` loads (it never overrides a variable already set, even to ""). */
const ENV_FILES = [".env.production.local", ".env.local", ".env.production", ".env"];

/** Variable names set in the .env files of `root`. */
function envFileKeys(root: string): string[] {
  const keys: string[] = [];
  for (const file of ENV_FILES) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    for (const match of readFileSync(full, "utf8").matchAll(
      /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm,
    )) {
      keys.push(match[1]);
    }
  }
  return keys;
}

/**
 * The parent's environment with Signalboard's and the .env files' variables set to "" (which the config reads
 * as unset, and which stops Next.js loading the file's value), building into and serving from `distDirName`
 * (relative to `root`), without telemetry.
 */
export function isolatedEnv(root: string, distDirName: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...Object.keys(envSchema.shape), ...envFileKeys(root)]) env[key] = "";
  return { ...env, NEXT_DIST_DIR: distDirName, NEXT_TELEMETRY_DISABLED: "1" };
}
