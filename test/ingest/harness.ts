// Shared set-up for the ingest integration tests: one migrated database per target and test file,
// emptied before each test; configuration through process.env + reloadConfig(), restored after each test.
// Import this AFTER setting WEBHOOK_LOG_LEVEL in vi.hoisted (the logger reads its level on import).
import { afterAll, beforeAll, expect } from "vitest";
import { adoptDatabase } from "@/lib/db/runtime";
import type { Database } from "@/lib/db/open";
import { createTestDatabase, type TargetName, type TestDatabase } from "../support/databases";
import { applyEnv, configureEachTest, WEBHOOK_BASE_ENV, type EnvValues } from "../support/env";

/** What every test starts from; `undefined` removes the variable (the default applies). */
export const BASE_ENV: EnvValues = WEBHOOK_BASE_ENV;

/** Every application table (not the migrations' bookkeeping), emptied before each test. */
async function emptyTables(db: Database): Promise<void> {
  const tables = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length)
    await db.prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} CASCADE`);
}

export interface IngestHarness {
  /** The test database (the process's database during each test). */
  readonly db: Database;
  /**
   * Changes the configuration and rebuilds the ingest runtime (writer, throttle) with it: the runtime is
   * cached per database object, so a fresh view of the same database gets a fresh runtime.
   */
  configure(env: EnvValues): void;
  /** Makes `db` the process's database (and gives it a fresh ingest runtime). */
  adopt(db: Database): void;
}

export function useIngestHarness(target: TargetName): IngestHarness {
  let testDb: TestDatabase | undefined;

  const harness: IngestHarness = {
    get db() {
      if (!testDb) throw new Error("the test database is not open yet");
      return testDb.db;
    },
    configure(env) {
      applyEnv(env);
      harness.adopt(harness.db);
    },
    adopt(db) {
      adoptDatabase({ ...db });
    },
  };

  beforeAll(async () => {
    testDb = await createTestDatabase(target);
  });

  configureEachTest(
    BASE_ENV,
    (env) => harness.configure(env),
    () => emptyTables(testDb!.db),
  );

  afterAll(async () => {
    await testDb?.drop();
  });

  return harness;
}

// ------------------------------------------------------------------------------------------- answers

export interface StoredBody {
  success: true;
  outcome: "accepted" | "duplicate" | "unmatched" | "ignored";
  requestId: string;
  duplicateOf?: string;
}

export interface ErrorBody {
  success: false;
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
  requestId?: string;
}

/** A 200 with exactly {success, outcome, requestId, duplicateOf?}; the X-Request-Id header matches. */
export async function expectStored(response: Response, outcome: StoredBody["outcome"]): Promise<StoredBody> {
  const body = (await response.json()) as StoredBody;
  expect({ status: response.status, body }).toMatchObject({ status: 200, body: { success: true, outcome } });
  expect(Object.keys(body).sort()).toEqual(
    outcome === "duplicate"
      ? ["duplicateOf", "outcome", "requestId", "success"]
      : ["outcome", "requestId", "success"],
  );
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

/** The one error shape: {success: false, error: {code, message, issues?}} (+ requestId), nothing else. */
export async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code });
  expect(body.success).toBe(false);
  for (const key of Object.keys(body)) expect(["success", "error", "requestId"]).toContain(key);
  for (const key of Object.keys(body.error)) expect(["code", "message", "issues"]).toContain(key);
  expect(typeof body.error.message).toBe("string");
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return body;
}

/** The stored row of a request, by the requestId it was answered with. */
export function requestRow(db: Database, requestId: string | undefined) {
  expect(requestId).toBeDefined();
  return db.prisma.webhookRequest.findUniqueOrThrow({ where: { id: requestId! } });
}

/**
 * The answer gave nothing away: none of what the stored row says about why (reason, diagnosis values) is
 * in the response body.
 */
export function expectNoDiagnosisIn(body: unknown, row: { reason: string | null; diagnosis: unknown }): void {
  const text = JSON.stringify(body);
  if (row.reason) expect(text).not.toContain(row.reason);
  const values: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === "string" && v.length > 3) values.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  collect(row.diagnosis);
  for (const value of values) expect(text).not.toContain(value);
  for (const word of ["WEBHOOK_BASE_URL", "hooks.example.test", "skew", "v1 signature", "sha256"])
    expect(text).not.toContain(word);
}
