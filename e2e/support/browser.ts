// Which Chromium the end-to-end tests drive. Nothing is ever downloaded at install or test time. In order:
//   1. CHROMIUM_PATH, when set (it must exist: a wrong explicit path is an error, not a silent fallback);
//   2. the system Chromium, /usr/bin/chromium (Debian's `apt-get install chromium`);
//   3. Playwright's own browser, when `npx playwright install chromium` put it on disk;
//   4. the Chromium that `npm install` brings: the devDependency @sparticuz/chromium ships one, compressed,
//      inside the npm package; it is unpacked into the temporary directory on first use.
// E2E_BROWSER=bundled skips 1–3 and uses 4 (CI sets it, so CI proves what a fresh machine does).
// `tsx e2e/support/browser.ts --check` prints the choice and exits 1 when there is none (scripts/test.sh
// runs it before Playwright, which also unpacks the bundled browser once, outside Playwright's timeouts).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const SYSTEM_FONTCONFIG = "/etc/fonts/fonts.conf";

/**
 * --no-sandbox: CI and containers run as root. The rest keep Chromium off the network and quiet. The same
 * flags serve the bundled browser: of @sparticuz/chromium's own `args` (made for AWS Lambda) none is needed
 * here and several hurt — --single-process closes the browser when a second page opens, its
 * --disable-features replaces Playwright's, and --disable-web-security would hide what the pages do wrong.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type BrowserSource = "CHROMIUM_PATH" | "system" | "playwright" | "bundled";

export interface BrowserChoice {
  source: BrowserSource;
  executablePath: string;
  /** Launch options for Playwright: executablePath is left out for Playwright's own browser. */
  launchOptions: { executablePath?: string; args?: string[]; env?: Record<string, string | undefined> };
}

/** What the choice looks at; injected so the order can be tested without the real machine. */
export interface BrowserProbe {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  /** Playwright's own browser, when it is on disk. */
  playwrightBrowser(): string | undefined;
  /** Unpacks the browser @sparticuz/chromium ships (a no-op when already unpacked); returns its path. */
  unpackBundledBrowser(): string;
}

export const BROWSER_HOW_TO = [
  "No Chromium for the end-to-end tests. The one `npm install` brings (@sparticuz/chromium, a",
  "devDependency, x86-64 Linux) is missing or cannot be unpacked. Reinstall with `npm ci` (with dev",
  "dependencies), or point the tests at another Chromium:",
  "  - any Chromium or Chrome already installed: export CHROMIUM_PATH=/path/to/chromium",
  "  - Debian/Ubuntu: apt-get install -y chromium            (gives /usr/bin/chromium)",
  "  - a machine with internet: npx playwright install chromium",
].join("\n");

const E2E_BROWSER_VALUES = ["auto", "bundled"] as const;

export function chooseBrowser(probe: BrowserProbe): BrowserChoice {
  const mode = probe.env.E2E_BROWSER?.trim() || "auto";
  if (!(E2E_BROWSER_VALUES as readonly string[]).includes(mode))
    throw new Error(`E2E_BROWSER=${mode} is not one of: ${E2E_BROWSER_VALUES.join(", ")}.`);
  if (mode === "bundled") return bundledChoice(probe);

  const explicit = probe.env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!probe.exists(explicit))
      throw new Error(`CHROMIUM_PATH=${explicit} does not exist.\n${BROWSER_HOW_TO}`);
    return externalChoice("CHROMIUM_PATH", explicit);
  }
  if (probe.exists(SYSTEM_CHROMIUM)) return externalChoice("system", SYSTEM_CHROMIUM);
  const own = probe.playwrightBrowser();
  if (own) return { source: "playwright", executablePath: own, launchOptions: {} };
  return bundledChoice(probe);
}

function externalChoice(source: BrowserSource, executablePath: string): BrowserChoice {
  return { source, executablePath, launchOptions: { executablePath, args: CHROMIUM_ARGS } };
}

function bundledChoice(probe: BrowserProbe): BrowserChoice {
  let executablePath: string;
  try {
    executablePath = probe.unpackBundledBrowser();
  } catch (error) {
    throw new Error(`${BROWSER_HOW_TO}\n(@sparticuz/chromium: ${(error as Error).message.trim()})`);
  }
  // The package also unpacks a few fonts beside the browser: used only where the system has no fontconfig
  // (a minimal container), so text still renders; a system with fonts keeps its own.
  const env = probe.exists(SYSTEM_FONTCONFIG)
    ? undefined
    : { ...probe.env, FONTCONFIG_PATH: join(dirname(executablePath), "fonts") };
  return {
    source: "bundled",
    executablePath,
    launchOptions: { executablePath, args: CHROMIUM_ARGS, ...(env ? { env } : {}) },
  };
}

function playwrightBrowser(): string | undefined {
  try {
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined; // no browser registered for this platform
  }
}

// The package's executablePath() is asynchronous and ES-module only, while Playwright reads its
// configuration synchronously: a short child process unpacks it and prints the path.
const UNPACK_SCRIPT = `import("@sparticuz/chromium")
  .then((m) => m.default.executablePath())
  .then((path) => process.stdout.write(path))`;

function unpackBundledBrowser(): string {
  const path = execFileSync(process.execPath, ["--input-type=module", "-e", UNPACK_SCRIPT], {
    cwd: join(__dirname, "..", ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
  if (!path || !existsSync(path)) throw new Error(`unpacked to "${path}", which does not exist`);
  return path;
}

export function resolveBrowser(env: Record<string, string | undefined> = process.env): BrowserChoice {
  return chooseBrowser({ env, exists: existsSync, playwrightBrowser, unpackBundledBrowser });
}

// `tsx e2e/support/browser.ts --check`
if (process.argv.includes("--check") && /browser\.ts$/.test(process.argv[1] ?? "")) {
  try {
    const choice = resolveBrowser();
    console.log(`Browser for the end-to-end tests: ${choice.executablePath} (${choice.source})`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
