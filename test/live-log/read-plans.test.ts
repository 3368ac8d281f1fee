// Every read of the live log (lib/queries/live-log-rows.ts: the pages, the stream's catch-up, the hub's
// range reads, the newest sequence) on PostgreSQL: served by an index, never a sequential scan of
// webhook_request, and bounded — no statement looks at more than SCAN_WINDOW rows plus its page, whatever
// the filter. The SQL is the one the reads really send (recorded from the pool Prisma uses), explained with
// ANALYZE on a table large enough that a missing index or bound shows: a rare event type or a minority
// provider read through the seq index alone goes through many rows per match, and a provider and an event
// type of the other provider match nothing together, yet each alone matches more than the window holds. PostgreSQL only:
// the plans of PGlite's newer planner differ.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveFilter } from "@/lib/live-log/filter";
import {
  getLatestSeq,
  listRowsAfter,
  listRowsBefore,
  listRowsInRange,
  SCAN_WINDOW,
} from "@/lib/queries/live-log-rows";
import { createTestDatabase, testTargets, type TestDatabase } from "../support/databases";

const ROWS = 200_000;
const PAGE = 50;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const onWebhookRequest = (n: PlanNode) =>
  n["Relation Name"] === "webhook_request" || (n["Index Name"] ?? "").startsWith("webhook_request");
/** Rows (or index entries) a node went through: those it returned and those it threw away. */
const rowsLookedAt = (n: PlanNode) =>
  ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)) *
  (n["Actual Loops"] ?? 1);

describe.skipIf(!testTargets.includes("postgres"))("live-log read plans (postgres)", () => {
  let test: TestDatabase;
  let client: pg.Client;
  let latest: bigint;

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
    // Three in ten Twilio, the rest Resend; one in ten rejected; one Resend request in a hundred a bounce.
    await client.query(
      `INSERT INTO webhook_request (id, received_at, provider, outcome, http_status, duration_ms, event_type,
                                    external_id, path)
       SELECT gen_random_uuid(), now() - (($1::int - i) * interval '1 second'),
              CASE WHEN i % 10 < 3 THEN 'twilio' ELSE 'resend' END,
              CASE WHEN i % 10 = 3 THEN 'rejected_signature' ELSE 'accepted' END,
              CASE WHEN i % 10 = 3 THEN 401 ELSE 200 END,
              2.5,
              CASE WHEN i % 10 = 3 THEN NULL WHEN i % 10 < 3 THEN 'delivered'
                   WHEN i % 100 = 55 THEN 'email.bounced' ELSE 'email.delivered' END,
              'ext-' || i,
              CASE WHEN i % 10 < 3 THEN '/webhooks/twilio' ELSE '/webhooks/resend' END
         FROM generate_series(1, $1::int) AS i`,
      [ROWS],
    );
    await client.query("ANALYZE webhook_request");
    latest = await getLatestSeq(test.db);
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await test?.drop();
  });

  /** Runs the reads, returning every statement they sent that touches webhook_request. */
  async function record(reads: () => Promise<unknown>): Promise<Array<{ text: string; values: unknown[] }>> {
    const pool = test.db.pool!;
    const sent: Array<{ text: string; values: unknown[] }> = [];
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
      const config = args[0] as { text?: string; values?: unknown[] };
      if (typeof config === "object" && config.text?.includes("webhook_request"))
        sent.push({ text: config.text, values: config.values ?? [] });
      return query(...args);
    };
    try {
      await reads();
    } finally {
      (pool as unknown as { query: unknown }).query = query;
    }
    return sent;
  }

  // The bounds. A filter that an index serves alone looks at no more than about ten times the rows it
  // returns (a page, or a catch-up of 2,001): for a value in one row of ten or more the planner may rather
  // walk the seq index, whose heap order is the table's, and skip the others; a rare value (a bounce in a
  // hundred) needs its index. Filters combined look through the window at most.
  const CATCH_UP = 2_001;
  const INDEXED = 12 * CATCH_UP;
  const WINDOWED = Number(SCAN_WINDOW) + CATCH_UP;
  const filters: Array<[string, LiveFilter, number]> = [
    ["no filter", {}, INDEXED],
    ["provider", { provider: "twilio" }, INDEXED],
    ["outcome", { outcome: "rejected_signature" }, INDEXED],
    ["event type", { eventType: "email.bounced" }, INDEXED],
    ["external id", { q: "ext-4242" }, INDEXED],
    [
      "provider and another provider's event type",
      { provider: "twilio", eventType: "email.delivered" },
      WINDOWED,
    ],
    [
      "outcome and an event type it never has",
      { outcome: "rejected_signature", eventType: "delivered" },
      WINDOWED,
    ],
  ];

  it.each(filters)(
    "%s: every read uses an index and looks at a bounded number of rows",
    async (_, filter, bound) => {
      const sent = await record(async () => {
        await listRowsBefore(test.db, null, filter, PAGE);
        await listRowsBefore(test.db, latest - 1_000n, filter, PAGE);
        await listRowsAfter(test.db, latest - 60_000n, filter, CATCH_UP);
        await listRowsInRange(test.db, latest - 500n, latest, 1_000);
        await getLatestSeq(test.db);
      });
      expect(sent.length).toBeGreaterThanOrEqual(5);
      for (const statement of sent) {
        const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
          statement.values,
        );
        const nodes = nodesOf(explained.rows[0]["QUERY PLAN"][0].Plan).filter(onWebhookRequest);
        const plan = JSON.stringify(
          nodes.map((n) => [n["Node Type"], n["Index Name"] ?? null, rowsLookedAt(n)]),
        );
        expect(nodes.length, statement.text).toBeGreaterThan(0);
        expect(
          nodes.filter((n) => n["Node Type"] === "Seq Scan"),
          `${statement.text}\n${plan}`,
        ).toEqual([]);
        expect(Math.max(...nodes.map(rowsLookedAt)), `${statement.text}\n${plan}`).toBeLessThanOrEqual(bound);
      }
    },
    60_000,
  );

  it("a filtered page that reaches the window's edge goes on below it, and finds the older matches", async () => {
    // The newest match of this pair lies more than a window below the top.
    const target = latest - SCAN_WINDOW - 10_000n;
    await client.query(
      "UPDATE webhook_request SET provider = 'resend', event_type = 'email.complained' WHERE seq = $1",
      [target],
    );
    const filter: LiveFilter = { provider: "resend", eventType: "email.complained" };
    const first = await listRowsBefore(test.db, null, filter, PAGE);
    expect(first).toMatchObject({ rows: [], windowEdge: true });
    expect(BigInt(first.nextBefore!)).toBe(latest + 1n - SCAN_WINDOW);
    const second = await listRowsBefore(test.db, BigInt(first.nextBefore!), filter, PAGE);
    expect(second.rows.map((r) => r.seq)).toEqual([String(target)]);
  }, 60_000);
});
