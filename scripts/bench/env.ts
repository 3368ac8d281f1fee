// The environment of the bench's build and servers: the parent's environment with every Signalboard variable
// (and every variable the .env files set) blanked, plus what the bench sets. A developer's shell or
// .env.local therefore never leaks into a measurement. The blanking is shared with the end-to-end launcher.
import { isolatedEnv } from "../support/clean-env";

/** Build output of the bench, apart from `npm start` (.next), `next dev` and the end-to-end build. */
export const BENCH_DIST_DIR = ".next-bench";

/** Known, fixed test secrets: the load generator signs with exactly what the servers verify with. */
export const BENCH_SECRETS = {
  /** A Twilio Auth Token is 32 hex digits. */
  TWILIO_AUTH_TOKEN: "be4c4be4c4be4c4be4c4be4c4be4c4be",
  /** whsec_ + base64 of "signalboard-bench-resend-secret!" (32 bytes). */
  RESEND_WEBHOOK_SECRET: "whsec_" + Buffer.from("signalboard-bench-resend-secret!").toString("base64"),
  API_KEY: "bench-key",
  /** Sessions are signed with it (required in production); the admin signs in to time the pages. */
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnopqrstuv",
  ADMIN_EMAIL: "bench-admin@example.com",
  ADMIN_PASSWORD: "bench-admin-password-long-enough",
} as const;

/**
 * The parent's environment with Signalboard's and the .env files' variables set to "" (read as unset), for a
 * production build into .next-bench, and without the caller's NODE_OPTIONS.
 */
export function cleanEnv(root: string): NodeJS.ProcessEnv {
  const env = isolatedEnv(root, BENCH_DIST_DIR);
  delete env.NODE_OPTIONS; // a --inspect or --cpu-prof from the caller's shell must not reach the server
  return { ...env, NODE_ENV: "production" };
}

export interface ServerEnvOptions {
  port: number;
  /** postgresql://… ; undefined runs on embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

/** The configuration of one bench server. */
export function serverEnv(root: string, { port, databaseUrl, dataDir }: ServerEnvOptions): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(root),
    PORT: String(port),
    SIGNALBOARD_BENCH: "1",
    WEBHOOK_LOG_LEVEL: "warn",
    WEBHOOK_BASE_URL: `http://127.0.0.1:${port}`,
    TWILIO_AUTH_TOKEN: BENCH_SECRETS.TWILIO_AUTH_TOKEN,
    RESEND_WEBHOOK_SECRET: BENCH_SECRETS.RESEND_WEBHOOK_SECRET,
    API_KEYS: BENCH_SECRETS.API_KEY,
    AUTH_SECRET: BENCH_SECRETS.AUTH_SECRET,
    ADMIN_EMAIL: BENCH_SECRETS.ADMIN_EMAIL,
    ADMIN_PASSWORD: BENCH_SECRETS.ADMIN_PASSWORD,
    VERIFY_WEBHOOK_SIGNATURES: "true",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    // Our instrumentation handles SIGTERM: it drains acknowledged writes and closes the database first.
    NEXT_MANUAL_SIG_HANDLE: "true",
  };
}
