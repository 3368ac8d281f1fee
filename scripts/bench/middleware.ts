// Which of the measured paths run through proxy.ts (Next.js middleware) in the build, read from the build's
// own matcher (functions-config-manifest.json). The no-op baseline is only a fair baseline when it takes
// the same path through Next.js as the webhook routes.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface ProxyCoverage {
  path: string;
  throughProxy: boolean;
}

export function proxyCoverage(distDir: string, paths: string[]): ProxyCoverage[] | undefined {
  const file = path.join(distDir, "server", "functions-config-manifest.json");
  if (!existsSync(file)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as {
      functions?: Record<string, { matchers?: Array<{ regexp: string }> }>;
    };
    const matchers = (manifest.functions?.["/_middleware"]?.matchers ?? []).map((m) => new RegExp(m.regexp));
    return paths.map((p) => ({ path: p, throughProxy: matchers.some((re) => re.test(p)) }));
  } catch {
    return undefined;
  }
}
