// End-to-end tests: a real browser against the production build (`next build` into .next-e2e, `next start`).
// Two servers on one build: a healthy one on embedded PGlite, and one whose PostgreSQL is unreachable.
// The browser (e2e/support/browser.ts): CHROMIUM_PATH, the system Chromium, Playwright's own, or the one
// `npm install` brings (E2E_BROWSER=bundled forces it); nothing is ever downloaded.
import { defineConfig, devices } from "@playwright/test";
import { resolveBrowser } from "./e2e/support/browser";
import {
  BASE_URL,
  DOWN_BASE_URL,
  EMPTY_BASE_URL,
  FRESH_BASE_URL,
  type ServerRole,
} from "./e2e/support/test-env";

const browser = resolveBrowser(); // throws, saying how to get a browser, when there is none
const inCI = !!process.env.CI;

// Builds into .next-e2e only when it is stale, then starts the server (see the script).
const server = (role: ServerRole, url: string) => ({
  name: role,
  command: `node --import tsx e2e/support/start-server.ts ${role}`,
  url,
  // A cold `next build` takes under a minute on two quiet cores and several on a busy machine: the build
  // happens inside this start, so its time counts here.
  timeout: 600_000,
  reuseExistingServer: !inCI,
  // The app drains writes and closes the database on SIGTERM; SIGKILL only if that hangs.
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: inCI,
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: browser.launchOptions },
    },
  ],
  webServer: [
    // Readiness: the health check answers 200 only once the database is migrated and up.
    server("healthy", `${BASE_URL}/webhooks/health`),
    // Its health check answers 503 by design: ready once the sign-in page renders.
    server("database-down", `${DOWN_BASE_URL}/sign-in`),
    // No user and no ADMIN_*: the first-start spec claims it with the setup link from its log.
    server("fresh", `${FRESH_BASE_URL}/webhooks/health`),
    // An admin and never any traffic: the empty states.
    server("empty", `${EMPTY_BASE_URL}/webhooks/health`),
  ],
});
