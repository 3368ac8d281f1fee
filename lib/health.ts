// The health check body of the original design notes, plus a database check, version and uptime.
import { getConfigValidation } from "./env";
import { getDatabaseState } from "./db/runtime";
import { isShuttingDown } from "./lifecycle";
import type { Database } from "./db/open";
import packageJson from "../package.json";

export interface HealthReport {
  status: "healthy" | "unhealthy";
  service: "webhook_handlers";
  endpoints: { twilio: string; resend: string };
  timestamp: string;
  version: string;
  uptimeSeconds: number;
  database: {
    status: "up" | "down" | "starting";
    kind: "pglite" | "postgres" | null;
    latencyMs: number | null;
    error?: string;
  };
  configuration: { valid: boolean; warnings: string[] };
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
      database = { status: "up", kind: state.db.kind, latencyMs: await pingDatabase(state.db) };
    } catch (error) {
      database = {
        status: "down",
        kind: state.db.kind,
        latencyMs: null,
        error: String((error as Error).message ?? error),
      };
    }
  } else if (state.phase === "unavailable") {
    database = { status: "down", kind: state.db?.kind ?? null, latencyMs: null, error: state.error };
  } else {
    database = { status: "starting", kind: null, latencyMs: null };
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
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    database,
    configuration: {
      valid: validation.valid,
      warnings: validation.warnings.map((w) => `${w.variable} ${w.message}`),
    },
  };
}
