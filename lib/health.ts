// The health check: the documented shape {status, service, endpoints, timestamp} plus the database's
// state. It answers anyone (load balancers, uptime monitors), so it says nothing about the configuration
// (no warnings, no database kind or error text, which could name hosts).
import { getConfigValidation } from "./env";
import { getDatabaseState } from "./db/runtime";
import { isShuttingDown } from "./lifecycle";
import type { Database } from "./db/open";

export interface HealthReport {
  status: "healthy" | "unhealthy";
  service: "webhook_handlers";
  endpoints: { twilio: string; resend: string };
  timestamp: string;
  database: { status: "up" | "down" | "starting"; latencyMs: number | null };
  /** Present while the instance drains before exiting: a load balancer should send traffic elsewhere. */
  shuttingDown?: true;
}

const PING_TIMEOUT_MS = 2_000;

async function pingDatabase(db: Database): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.sql.withSession((s) => s.query("SELECT 1")),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
          PING_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Math.round((performance.now() - started) * 10) / 10;
}

export async function getHealth(): Promise<HealthReport> {
  const validation = getConfigValidation();
  const config = validation.config;
  const state = getDatabaseState();
  let database: HealthReport["database"];
  if (state.phase === "ready") {
    try {
      database = { status: "up", latencyMs: await pingDatabase(state.db) };
    } catch {
      database = { status: "down", latencyMs: null };
    }
  } else if (state.phase === "unavailable") {
    database = { status: "down", latencyMs: null };
  } else {
    database = { status: "starting", latencyMs: null };
  }
  const shuttingDown = isShuttingDown();
  return {
    status: database.status === "up" && validation.valid && !shuttingDown ? "healthy" : "unhealthy",
    ...(shuttingDown ? { shuttingDown: true as const } : {}),
    service: "webhook_handlers",
    endpoints: {
      twilio: config?.TWILIO_WEBHOOK_URL ?? "/webhooks/twilio",
      resend: config?.RESEND_WEBHOOK_URL ?? "/webhooks/resend",
    },
    timestamp: new Date().toISOString(),
    database,
  };
}
