// Which Chromium the end-to-end tests drive. Browsers cannot be downloaded on the project's machines
// (never run `playwright install` there), so, in order:
//   1. CHROMIUM_PATH, when set (it must exist: a wrong explicit path is an error, not a silent fallback);
//   2. Debian's /usr/bin/chromium (`apt-get install chromium`), with the flags a closed, root-run machine needs;
//   3. Playwright's own browser, when `npx playwright install chromium` put it on disk (a laptop with internet).
// With none of them, resolveBrowser() throws BROWSER_HOW_TO. `tsx e2e/support/browser.ts --check` prints the
// choice and exits 1 when there is none (scripts/test.sh runs it before Playwright).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** --no-sandbox: we run as root. The rest keep Chromium off the (closed) network and quiet. */
export const SYSTEM_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface BrowserChoice {
  source: "CHROMIUM_PATH" | "system" | "playwright";
  executablePath: string;
  /** Launch options for Playwright: executablePath is left out for Playwright's own browser. */
  launchOptions: { executablePath?: string; args?: string[] };
}

export const BROWSER_HOW_TO = [
  "No Chromium for the end-to-end tests. Get one of:",
  "  - Debian/Ubuntu: apt-get install -y chromium            (gives /usr/bin/chromium; what CI does)",
  "  - a machine with internet: npx playwright install chromium",
  "  - any Chromium or Chrome already installed: export CHROMIUM_PATH=/path/to/chromium",
].join("\n");

function playwrightBrowserPath(): string | undefined {
  try {
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined; // no browser registered for this platform
  }
}

export function resolveBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(`CHROMIUM_PATH=${explicit} does not exist.\n${BROWSER_HOW_TO}`);
    return {
      source: "CHROMIUM_PATH",
      executablePath: explicit,
      launchOptions: { executablePath: explicit, args: SYSTEM_CHROMIUM_ARGS },
    };
  }
  if (existsSync(SYSTEM_CHROMIUM)) {
    return {
      source: "system",
      executablePath: SYSTEM_CHROMIUM,
      launchOptions: { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS },
    };
  }
  const own = playwrightBrowserPath();
  if (own) return { source: "playwright", executablePath: own, launchOptions: {} };
  throw new Error(BROWSER_HOW_TO);
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
