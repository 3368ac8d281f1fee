// The one place that says how the end-to-end servers are configured. playwright.config.ts, the server
// launcher (start-server.ts) and the specs all read it, so a spec that signs a webhook uses exactly the
// secrets the server verifies with.

import os from "node:os";
import path from "node:path";

/** Build output of the end-to-end servers, apart from `next dev` (.next/dev) and `npm start` (.next). */
export const E2E_DIST_DIR = ".next-e2e";

/** The server with a working (embedded PGlite) database. */
export const PORT = Number(process.env.E2E_PORT || 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** A second server on the same build whose PostgreSQL cannot be reached: the unhealthy path. */
export const DOWN_PORT = Number(process.env.E2E_DOWN_PORT || 3101);
export const DOWN_BASE_URL = `http://127.0.0.1:${DOWN_PORT}`;
export const UNREACHABLE_DATABASE_URL = "postgresql://127.0.0.1:1/none";

/** Known test secrets: fixed, so specs can sign requests, and distinctive, so a leak is easy to spot. */
export const TEST_SECRETS = {
  /** A Twilio Auth Token is 32 hex digits. */
  TWILIO_AUTH_TOKEN: "5e1ec7ed0b5e55ed5ca1ab1e0ddba115",
  /** whsec_ + base64 of "signalboard-e2e-resend-secret!!!" (32 bytes). */
  RESEND_WEBHOOK_SECRET: "whsec_c2lnbmFsYm9hcmQtZTJlLXJlc2VuZC1zZWNyZXQhISE=",
  API_KEY: "e2e-test-key",
  AUTH_SECRET: "e2e-auth-secret-0123456789abcdefghijklmnopqrstuv",
} as const;

/** The admin ADMIN_EMAIL / ADMIN_PASSWORD create at start (the "healthy" and "database-down" servers). */
export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" } as const;

/** A third server, started with no user and no ADMIN_*: it prints the one-time setup link in its log. */
export const FRESH_PORT = Number(process.env.E2E_FRESH_PORT || PORT + 2);
export const FRESH_BASE_URL = `http://127.0.0.1:${FRESH_PORT}`;
/** Where the fresh server's output goes, so a spec can read the setup link from the log. */
export const FRESH_LOG_FILE = path.join(os.tmpdir(), `signalboard-e2e-fresh-server-${FRESH_PORT}.log`);

/**
 * A fourth server with an admin but no traffic, ever: the pages' empty states are checked there, since
 * the healthy server fills up as the other specs run in any order.
 */
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT || PORT + 3);
export const EMPTY_BASE_URL = `http://127.0.0.1:${EMPTY_PORT}`;

/**
 * A fifth server, started and restarted by the replay spec itself (not by playwright.config.ts): it runs
 * with a stale Twilio auth token first, then is restarted on the same DATA_DIR with the right one, as an
 * operator fixes a secret. E2E_REPLAY_TWILIO_AUTH_TOKEN and E2E_DATA_DIR are set by that spec.
 */
export const REPLAY_PORT = Number(process.env.E2E_REPLAY_PORT || PORT + 4);
export const REPLAY_BASE_URL = `http://127.0.0.1:${REPLAY_PORT}`;

/**
 * A sixth server that the live log's reconnect spec starts, stops and starts again itself
 * (e2e/support/own-server.ts), on a data directory of its own that outlives each start.
 */
export const RESTART_PORT = Number(process.env.E2E_RESTART_PORT || PORT + 5);
export const RESTART_BASE_URL = `http://127.0.0.1:${RESTART_PORT}`;

export type ServerRole = "healthy" | "database-down" | "fresh" | "empty" | "replay" | "restartable";

const PORTS: Record<ServerRole, number> = {
  healthy: PORT,
  "database-down": DOWN_PORT,
  fresh: FRESH_PORT,
  empty: EMPTY_PORT,
  replay: REPLAY_PORT,
  restartable: RESTART_PORT,
};

/**
 * The configuration variables each server runs with (DATA_DIR is added by start-server.ts: a fresh
 * temporary directory per start). Every other Signalboard variable is blanked by the launcher, so a
 * developer's shell or .env.local cannot leak into the tests.
 */
export function serverEnv(role: ServerRole): Record<string, string> {
  const port = PORTS[role];
  return {
    NODE_ENV: "production",
    PORT: String(port),
    WEBHOOK_BASE_URL: `http://127.0.0.1:${port}`,
    TWILIO_AUTH_TOKEN: TEST_SECRETS.TWILIO_AUTH_TOKEN,
    RESEND_WEBHOOK_SECRET: TEST_SECRETS.RESEND_WEBHOOK_SECRET,
    API_KEYS: TEST_SECRETS.API_KEY,
    VERIFY_WEBHOOK_SIGNATURES: "true",
    AUTH_SECRET: TEST_SECRETS.AUTH_SECRET,
    // The specs sign in many times a minute from one address; the throttle itself has an integration test.
    SIGN_IN_RATE_LIMIT: "1000",
    ...(role === "fresh" ? {} : { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }),
    ...(role === "database-down" ? { DATABASE_URL: UNREACHABLE_DATABASE_URL } : {}),
    ...(role === "replay"
      ? { TWILIO_AUTH_TOKEN: process.env.E2E_REPLAY_TWILIO_AUTH_TOKEN || TEST_SECRETS.TWILIO_AUTH_TOKEN }
      : {}),
  };
}
