// Shared set-up for the message-layer integration tests (sender API + webhook routes, end to end): one
// migrated database per target and test file, EVERY application table emptied before each test (the list
// is read from the database, so a table added by a later migration is emptied too), configuration through
// process.env + reloadConfig(), restored after each test.
// Import this AFTER setting WEBHOOK_LOG_LEVEL in vi.hoisted (the logger reads its level on import).
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { adoptDatabase } from "@/lib/db/runtime";
import type { Database } from "@/lib/db/open";
import { GET as unmatchedGET } from "@/app/api/events/unmatched/route";
import { POST as externalIdsPOST } from "@/app/api/messages/[id]/external-ids/route";
import { POST as failedPOST } from "@/app/api/messages/[id]/failed/route";
import { GET as messageGET } from "@/app/api/messages/[id]/route";
import { POST as batchPOST } from "@/app/api/messages/batch/route";
import { GET as messagesGET, POST as messagesPOST } from "@/app/api/messages/route";
import { GET as metricsGET } from "@/app/api/metrics/summary/route";
import { POST as liftPOST } from "@/app/api/suppressions/[recipient]/lift/route";
import { GET as suppressionGET } from "@/app/api/suppressions/[recipient]/route";
import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { createTestDatabase, type TargetName, type TestDatabase } from "../support/databases";
import { applyEnv, configureEachTest, WEBHOOK_BASE_ENV, type EnvValues } from "../support/env";
import {
  resendEmailEvent,
  resendRequest,
  svixId,
  twilioRequest,
  twilioStatusParams,
  type TwilioParams,
} from "../support/webhook-requests";

/** Two keys, as during a rotation (API_KEYS is comma-separated). */
export const API_KEY = "sb_test_key_current_0123456789";
export const API_KEY_NEXT = "sb_test_key_next_9876543210";

/** What every test starts from; `undefined` removes the variable (the default applies). */
export const BASE_ENV: EnvValues = {
  ...WEBHOOK_BASE_ENV,
  TIMESTAMP_MATCHING_WINDOW: undefined,
  SOFT_BOUNCE_THRESHOLD: undefined,
  SOFT_BOUNCE_WINDOW_DAYS: undefined,
  API_KEYS: `${API_KEY}, ${API_KEY_NEXT}`,
};

/** Tables the message layer writes; the harness checks that each is among those it empties. */
export const EXPECTED_TABLES = [
  "webhook_request",
  "webhook_delivery",
  "message_event",
  "message_external_id",
  "message",
  "message_stat",
  "message_rollup",
  "suppression",
  "suppression_change",
];

export interface MessagesHarness {
  readonly db: Database;
  /** Every application table (all of schema public but the migration bookkeeping). */
  readonly tables: string[];
  /** Changes the configuration and gives the process a fresh view of the database (fresh ingest runtime). */
  configure(env: EnvValues): void;
  /** Row counts of every table, to prove a request read or wrote nothing. */
  counts(): Promise<Record<string, number>>;
}

export function useMessagesHarness(target: TargetName): MessagesHarness {
  let testDb: TestDatabase | undefined;
  let tables: string[] = [];

  const harness: MessagesHarness = {
    get db() {
      if (!testDb) throw new Error("the test database is not open yet");
      return testDb.db;
    },
    get tables() {
      return tables;
    },
    configure(env) {
      applyEnv(env);
      adoptDatabase({ ...harness.db });
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const table of tables) {
        const [row] = await harness.db.prisma.$queryRawUnsafe<Array<{ n: bigint | number }>>(
          `SELECT count(*) AS n FROM "${table}"`,
        );
        out[table] = Number(row.n);
      }
      return out;
    },
  };

  beforeAll(async () => {
    testDb = await createTestDatabase(target);
    const rows = await testDb.db.prisma.$queryRawUnsafe<Array<{ tablename: string }>>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    tables = rows.map((r) => r.tablename);
    for (const table of EXPECTED_TABLES) expect(tables).toContain(table);
  });

  // Every table emptied before each test, then the base configuration.
  configureEachTest(
    BASE_ENV,
    (env) => harness.configure(env),
    () =>
      testDb!.db.prisma.$executeRawUnsafe(
        `TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`,
      ),
  );

  afterAll(async () => {
    await testDb?.drop();
  });

  return harness;
}

// ---------------------------------------------------------------------------------------------- sender API

type RouteHandler = (
  request: Request,
  route?: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface ApiCall {
  method?: "GET" | "POST";
  /** Path and query, e.g. "/api/messages?limit=3". */
  path: string;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** The API key; null sends no Authorization header. Default: API_KEY. */
  key?: string | null;
  /** Replaces the Authorization header value entirely. */
  authorization?: string;
  headers?: Record<string, string>;
  /** The route's pattern with its dynamic segments, e.g. "/api/messages/[id]": params come from the path. */
  route?: string;
}

/** Response bodies are read loosely: each test asserts the shape it relies on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResult<T = Loose> {
  status: number;
  body: T;
  requestId: string | null;
  headers: Headers;
}

export const API_ORIGIN = "http://10.0.0.5:3000";

/**
 * The dynamic segments of `path` under `route`, as Next.js hands them to a handler: each one
 * percent-decoded once (so a handler must not decode them again).
 */
export function routeParams(route: string, path: string): Record<string, string> {
  const patternSegments = route.split("/");
  const pathSegments = new URL(path, API_ORIGIN).pathname.split("/");
  expect(pathSegments.length, `${path} does not match ${route}`).toBe(patternSegments.length);
  const params: Record<string, string> = {};
  patternSegments.forEach((segment, i) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(pathSegments[i]);
    else expect(pathSegments[i], `${path} does not match ${route}`).toBe(segment);
  });
  return params;
}

/** Calls a route handler directly with a Fetch Request, as Next.js does. */
export async function callApi<T = Loose>(handler: RouteHandler, call: ApiCall): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.authorization !== undefined) headers.authorization = call.authorization;
  else if (call.key !== null) headers.authorization = `Bearer ${call.key ?? API_KEY}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const method = call.method ?? (call.body !== undefined ? "POST" : "GET");
  const request = new Request(API_ORIGIN + call.path, { method, headers, body });
  const params = call.route ? routeParams(call.route, call.path) : undefined;
  const response = await handler(request, params ? { params: Promise.resolve(params) } : undefined);
  // Every answer of the API, success or error, carries a request id.
  expect(response.headers.get("x-request-id"), `${method} ${call.path}`).toBeTruthy();
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion that follows shows it
  }
  return {
    status: response.status,
    body: parsed as T,
    requestId: response.headers.get("x-request-id"),
    headers: response.headers,
  };
}

type Options = Omit<ApiCall, "path" | "body" | "route">;
const qs = (query?: string) => (query ? `?${query.replace(/^\?/, "")}` : "");

/** The sender API, one function per route. */
export const api = {
  register: (body: unknown, o: Options & { idempotencyKey?: string } = {}) =>
    callApi(messagesPOST, {
      ...o,
      path: "/api/messages",
      body,
      headers: { ...o.headers, ...(o.idempotencyKey ? { "idempotency-key": o.idempotencyKey } : {}) },
    }),
  batch: (body: unknown, o: Options = {}) => callApi(batchPOST, { ...o, path: "/api/messages/batch", body }),
  list: (query?: string, o: Options = {}) =>
    callApi(messagesGET, { ...o, path: `/api/messages${qs(query)}` }),
  get: (id: string, o: Options = {}) =>
    callApi(messageGET, {
      ...o,
      path: `/api/messages/${encodeURIComponent(id)}`,
      route: "/api/messages/[id]",
    }),
  addExternalId: (id: string, body: unknown, o: Options = {}) =>
    callApi(externalIdsPOST, {
      ...o,
      path: `/api/messages/${encodeURIComponent(id)}/external-ids`,
      body,
      route: "/api/messages/[id]/external-ids",
    }),
  fail: (id: string, body: unknown, o: Options = {}) =>
    callApi(failedPOST, {
      ...o,
      path: `/api/messages/${encodeURIComponent(id)}/failed`,
      body,
      route: "/api/messages/[id]/failed",
    }),
  suppression: (recipient: string, query?: string, o: Options = {}) =>
    callApi(suppressionGET, {
      ...o,
      path: `/api/suppressions/${encodeURIComponent(recipient)}${qs(query)}`,
      route: "/api/suppressions/[recipient]",
    }),
  lift: (recipient: string, body: unknown, o: Options = {}) =>
    callApi(liftPOST, {
      ...o,
      path: `/api/suppressions/${encodeURIComponent(recipient)}/lift`,
      body,
      route: "/api/suppressions/[recipient]/lift",
    }),
  metrics: (query?: string, o: Options = {}) =>
    callApi(metricsGET, { ...o, path: `/api/metrics/summary${qs(query)}` }),
  unmatched: (query?: string, o: Options = {}) =>
    callApi(unmatchedGET, { ...o, path: `/api/events/unmatched${qs(query)}` }),
};

/** Asserts the one error shape and returns the body. */
export function expectApiError(
  result: ApiResult,
  status: number,
  code: string,
): { code: string; message: string; issues?: Array<{ path: string; message: string }> } {
  expect({ status: result.status, code: result.body?.error?.code }).toEqual({ status, code });
  expect(result.body.success).toBe(false);
  expect(typeof result.body.error.message).toBe("string");
  expect(result.requestId).toBeTruthy();
  return result.body.error;
}

// ---------------------------------------------------------------------------------------------- webhooks

export interface WebhookAnswer {
  status: number;
  outcome: string;
  requestId: string;
  duplicateOf?: string;
}

async function answer(response: Response): Promise<WebhookAnswer> {
  const body = (await response.json()) as { outcome?: string; requestId: string; duplicateOf?: string };
  return {
    status: response.status,
    outcome: body.outcome ?? "",
    requestId: body.requestId,
    duplicateOf: body.duplicateOf,
  };
}

export interface SmsCallback {
  sid: string;
  status: string;
  to?: string;
  from?: string;
  errorCode?: string;
  errorMessage?: string;
  /** I-Twilio-Idempotency-Token (the delivery id); fresh by default. */
  token?: string;
  /** Query string of the (signed) callback URL, e.g. "message_id=<uuid>". */
  query?: string;
}

export const DEFAULT_SMS_FROM = "+14155550199";

/** Posts a signed Twilio status callback to the real route. */
export async function postSms(cb: SmsCallback): Promise<WebhookAnswer> {
  const overrides: TwilioParams = {
    MessageSid: cb.sid,
    MessageStatus: cb.status,
    To: cb.to ?? "+14155550100",
    From: cb.from ?? DEFAULT_SMS_FROM,
  };
  if (cb.errorCode) overrides.ErrorCode = cb.errorCode;
  if (cb.errorMessage) overrides.ErrorMessage = cb.errorMessage;
  const request = twilioRequest({
    params: twilioStatusParams(overrides),
    query: cb.query,
    idempotencyToken: cb.token ?? `idem-${randomUUID()}`,
  });
  return answer(await twilioPOST(request));
}

export interface EmailEvent {
  emailId: string;
  /** Resend type without "email.", e.g. "delivered". */
  type: string;
  to?: string;
  createdAt?: Date;
  /** svix-id (the delivery id); fresh by default. */
  svix?: string;
  tags?: Record<string, string>;
  bounce?: { type: string; subType?: string; message?: string };
  data?: Record<string, unknown>;
}

/** Posts a Svix-signed Resend event to the real route. */
export async function postEmail(e: EmailEvent): Promise<WebhookAnswer> {
  const data: Record<string, unknown> = { to: [e.to ?? "ada@example.com"], ...e.data };
  if (e.tags) data.tags = e.tags;
  if (e.bounce) data.bounce = { subType: "General", message: "bounced", ...e.bounce };
  if (e.type === "clicked" && !data.click)
    data.click = {
      link: "https://example.com/x",
      ipAddress: "203.0.113.9",
      userAgent: "test",
      timestamp: (e.createdAt ?? new Date()).toISOString(),
    };
  const payload = resendEmailEvent(`email.${e.type}`, {
    emailId: e.emailId,
    createdAt: (e.createdAt ?? new Date()).toISOString(),
    data,
  });
  return answer(await resendPOST(resendRequest({ payload, id: e.svix ?? svixId() })));
}

// ---------------------------------------------------------------------------------------------- counters

/** message_stat summed per channel and metric vs. a direct count over the message table (zeros left out). */
export async function expectCountersMatchMessages(db: Database): Promise<void> {
  const stats = await db.prisma.messageStat.groupBy({ by: ["channel", "metric"], _sum: { count: true } });
  const fromCounters: Record<string, number> = {};
  for (const s of stats) {
    const n = Number(s._sum.count ?? 0);
    if (n !== 0) fromCounters[`${s.channel}:${s.metric}`] = n;
  }
  const rows = await db.prisma.$queryRawUnsafe<
    Array<{ channel: string; metric: string; n: bigint | number }>
  >(
    `SELECT channel, status AS metric, count(*) AS n FROM message GROUP BY channel, status
     UNION ALL SELECT channel, 'total', count(*) FROM message GROUP BY channel
     UNION ALL SELECT channel, 'opened', count(*) FROM message WHERE first_opened_at IS NOT NULL GROUP BY channel
     UNION ALL SELECT channel, 'clicked', count(*) FROM message WHERE first_clicked_at IS NOT NULL GROUP BY channel
     UNION ALL SELECT channel, 'complained', count(*) FROM message WHERE complained_at IS NOT NULL GROUP BY channel`,
  );
  const direct: Record<string, number> = {};
  for (const r of rows) if (Number(r.n) !== 0) direct[`${r.channel}:${r.metric}`] = Number(r.n);
  expect(fromCounters).toEqual(direct);
  // Per hour and campaign too: each message counted in its own send-hour bucket.
  const perBucket = await db.prisma.$queryRawUnsafe<Array<{ bad: bigint | number }>>(
    `SELECT count(*) AS bad FROM (
       SELECT date_trunc('hour', sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket, channel, coalesce(campaign, '') AS campaign, count(*) AS n FROM message
        GROUP BY 1, 2, 3) m
     FULL JOIN (SELECT bucket, channel, campaign, count AS n FROM message_stat WHERE metric = 'total') s
       ON s.bucket = m.bucket AND s.channel = m.channel AND s.campaign = m.campaign
     WHERE coalesce(m.n, 0) <> coalesce(s.n, 0)`,
  );
  expect(Number(perBucket[0].bad)).toBe(0);
  await expectRollupsMatchMessages(db);
}

/**
 * message_rollup vs. a direct count: failed/undelivered SMS by error code and bounced email by type/subtype
 * per send hour and campaign (current status), clicks per link over the stored click events.
 */
export async function expectRollupsMatchMessages(db: Database): Promise<void> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ bad: bigint | number }>>(
    `WITH direct AS (
       SELECT date_trunc('hour', sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket, channel,
              coalesce(campaign, '') AS campaign, 'sms_error' AS dimension, coalesce(error_code, '') AS value, count(*) AS n
         FROM message WHERE channel = 'sms' AND status IN ('undelivered', 'failed') GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT date_trunc('hour', sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', channel, coalesce(campaign, ''),
              'email_bounce', coalesce(bounce_type, '') || '/' || coalesce(bounce_sub_type, ''), count(*)
         FROM message WHERE channel = 'email' AND status = 'bounced' GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT date_trunc('hour', m.sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', m.channel, coalesce(m.campaign, ''),
              'link', e.details->'click'->>'link', count(*)
         FROM message_event e JOIN message m ON m.id = e.message_id
        WHERE e.status = 'clicked' AND e.details->'click'->>'link' IS NOT NULL GROUP BY 1, 2, 3, 4, 5)
     SELECT count(*) AS bad FROM direct d
       FULL JOIN (SELECT * FROM message_rollup WHERE count <> 0) r
         ON r.bucket = d.bucket AND r.channel = d.channel AND r.campaign = d.campaign
        AND r.dimension = d.dimension AND r.value = d.value
      WHERE coalesce(d.n, 0) <> coalesce(r.count, 0)`,
  );
  expect(Number(rows[0].bad)).toBe(0);
}

// ---------------------------------------------------------------------------------------------- ids

export const newSid = () => "SM" + randomBytes(16).toString("hex");
export const newEmailId = () => randomUUID();
let phoneCounter = 0;
/** A fresh E.164 number per call, so tests and property runs never share a recipient. */
export function newPhone(): string {
  phoneCounter = (phoneCounter + 1) % 1_000_000;
  return `+1415${String(2_000_000 + phoneCounter * 7 + Math.floor(Math.random() * 7)).padStart(7, "0")}`;
}
export const newEmail = () => `u${randomBytes(5).toString("hex")}@example.com`;
