// Decides whether the production build is stale: a hash of everything that goes into `next build`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);

function collect(file: string, out: string[]): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) {
    for (const entry of readdirSync(file).sort()) {
      if (!SKIP.has(entry) && !entry.endsWith(".test.ts")) collect(path.join(file, entry), out);
    }
  } else {
    out.push(file);
  }
}

export function computeBuildStamp(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

export function stampFile(distDir: string): string {
  return path.join(distDir, "signalboard-build-stamp");
}

export function isBuildCurrent(root: string, distDir: string): boolean {
  const file = stampFile(distDir);
  if (!existsSync(path.join(distDir, "BUILD_ID")) || !existsSync(file)) return false;
  return readFileSync(file, "utf8").trim() === computeBuildStamp(root);
}
