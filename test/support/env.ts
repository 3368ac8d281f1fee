// Configuration of the integration tests through process.env + reloadConfig(), as the app reads it: shared by
// the harnesses (test/ingest, test/messages), so every suite sets, and puts back, the environment the same way.
import { afterEach, beforeEach } from "vitest";
import { reloadConfig } from "@/lib/env";
import { PUBLIC_BASE_URL, TEST_RESEND_WEBHOOK_SECRET, TEST_TWILIO_AUTH_TOKEN } from "./webhook-requests";

/** A configuration change: `undefined` removes the variable (the default applies). */
export type EnvValues = Record<string, string | undefined>;

/**
 * The webhook configuration every test starts from: the test secrets, signatures verified, and every limit,
 * URL and database setting at its default (a developer's shell must not change what the tests see).
 */
export const WEBHOOK_BASE_ENV: EnvValues = {
  TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
  TWILIO_ACCOUNT_SID: undefined,
  RESEND_WEBHOOK_SECRET: TEST_RESEND_WEBHOOK_SECRET,
  WEBHOOK_BASE_URL: PUBLIC_BASE_URL,
  TWILIO_WEBHOOK_URL: undefined,
  RESEND_WEBHOOK_URL: undefined,
  VERIFY_WEBHOOK_SIGNATURES: "true",
  WEBHOOK_TIMEOUT: undefined,
  WEBHOOK_MAX_RETRIES: undefined,
  WEBHOOK_MAX_BODY_BYTES: undefined,
  WEBHOOK_RATE_LIMIT: undefined,
  WEBHOOK_BODY_TIMEOUT: undefined,
  WEBHOOK_REJECTED_STORAGE_MB: undefined,
  WEBHOOK_BODY_RETENTION_DAYS: undefined,
  TRUSTED_PROXY_HOPS: undefined,
  UNKNOWN_MESSAGE_STATUS: undefined,
  MESSAGE_ID_MAPPING_STRATEGY: undefined,
  DATABASE_URL: undefined,
};

/** Sets (or removes) the variables and reloads the configuration from them. */
export function applyEnv(values: EnvValues): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadConfig();
}

/**
 * Remembers process.env as it is now; the function returned puts it back exactly (a variable added since is
 * removed, a changed or removed one restored) and reloads the configuration, so no test leaks into the next.
 */
function snapshotEnv(): () => void {
  const saved = { ...process.env };
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    reloadConfig();
  };
}

/**
 * Registers the per-test configuration of a harness: before each test process.env is remembered, `prepare`
 * runs (e.g. emptying the tables), then `configure(base)`; after each test process.env is put back.
 * (Not named use…: the React lint rules would take it for a hook.)
 */
export function configureEachTest(
  base: EnvValues,
  configure: (env: EnvValues) => void,
  prepare: () => Promise<unknown>,
): void {
  let restoreEnv = () => {};
  beforeEach(async () => {
    restoreEnv = snapshotEnv();
    await prepare();
    configure(base);
  });
  afterEach(() => {
    restoreEnv();
  });
}
