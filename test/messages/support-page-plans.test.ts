// The queries behind the support pages on PostgreSQL, explained on a seeded database large enough that
// the planner prefers an index whenever one serves the query: /messages (no search, a phone number, a
// provider id, stuck), one message's page, /messages/unmatched and /suppressions. Each statement is the
// one the page's query function really sends (recorded from the pool Prisma uses); none may scan a large
// table, and each list must be read through the index it is designed for. The provider-id lookup is also
// checked before any ANALYZE of message_external_id, the state an embedded database is always in (PGlite
// runs no autovacuum) and PostgreSQL is in right after a bulk load.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { getMessage } from "@/lib/queries/get-message";
import { listMessagesForPage, type MessageListFilters } from "@/lib/queries/list-messages-page";
import { listRequestPayloads } from "@/lib/queries/list-request-payloads";
import { listSuppressions } from "@/lib/queries/list-suppressions";
import { listUnmatchedEvents } from "@/lib/queries/list-unmatched-events";
import { addSupportData, type SupportTargets } from "@/scripts/bench/support-data";
import { seedMessages } from "@/scripts/seed/run";
import { createTestDatabase, testTargets, type TestDatabase } from "../support/databases";

/** Enough that a sequential scan or a walk of the wrong index costs far more than an index probe. */
const MESSAGES = 60_000;
const LARGE_TABLES = ["message", "message_event", "message_external_id", "suppression", "webhook_request"];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const settings = { defaultCountry: "US" as const, stuckAfterHours: 24 };
const noFilters: MessageListFilters = {
  q: "",
  status: "",
  channel: null,
  campaign: "",
  from: null,
  until: null,
  stuck: false,
  cursor: null,
};

describe.skipIf(!testTargets.includes("postgres"))("support pages' query plans (postgres)", () => {
  let test: TestDatabase;
  let client: pg.Client;
  let targets: SupportTargets;

  /** Every statement `run` sends, each explained: the plan nodes, per statement. */
  async function plansOf(run: () => Promise<unknown>): Promise<Array<{ sql: string; nodes: PlanNode[] }>> {
    const pool = test.db.pool!;
    const sent: Array<{ text: string; values: unknown[] }> = [];
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
      const config = args[0] as { text?: string; values?: unknown[] };
      if (typeof config === "object" && config.text?.startsWith("SELECT"))
        sent.push({ text: config.text, values: config.values ?? [] });
      return query(...args);
    };
    try {
      await run();
    } finally {
      (pool as unknown as { query: unknown }).query = query;
    }
    const plans = [];
    for (const statement of sent) {
      const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${statement.text}`,
        statement.values,
      );
      plans.push({ sql: statement.text, nodes: nodesOf(explained.rows[0]["QUERY PLAN"][0].Plan) });
    }
    return plans;
  }

  /** No statement scans a large table; together they read each of `indexes` (or one of a list). */
  async function expectIndexed(run: () => Promise<unknown>, indexes: Array<string | string[]>) {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, nodes } of plans) {
      const scans = nodes.filter(
        (n) => n["Node Type"] === "Seq Scan" && LARGE_TABLES.includes(n["Relation Name"] ?? ""),
      );
      expect(
        scans.map((n) => n["Relation Name"]),
        sql,
      ).toEqual([]);
    }
    const used = new Set(plans.flatMap((p) => p.nodes.map((n) => n["Index Name"]).filter(Boolean)));
    for (const index of indexes) {
      const anyOf = typeof index === "string" ? [index] : index;
      expect(
        anyOf.filter((i) => used.has(i)),
        `one of ${anyOf.join(", ")} in ${[...used].join(", ")}`,
      ).not.toEqual([]);
    }
  }

  beforeAll(async () => {
    test = await createTestDatabase("postgres", { poolSize: 2 });
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
    await seedMessages(test.db, { messages: MESSAGES, days: 90 });
    targets = await addSupportData(test.db);
    // The request log the seed leaves empty: one request per event, a copy of every tenth (a provider's
    // retry), and as many unrelated requests again.
    await client.query(
      `INSERT INTO webhook_request (id, received_at, provider, outcome, http_status, duration_ms, path, duplicate_of)
       SELECT request_id, received_at, provider, 'stored', 200, 1, '/webhooks/' || provider, NULL FROM message_event
       UNION ALL
       SELECT gen_random_uuid(), received_at + interval '1 second', provider, 'duplicate', 200, 1,
              '/webhooks/' || provider, request_id FROM message_event WHERE id % 10 = 0`,
    );
    await client.query("ANALYZE webhook_request");
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await test?.drop();
  });

  it("/messages reads the newest page through (sent_at, id)", async () => {
    await expectIndexed(
      () => listMessagesForPage(test.db, noFilters, settings, (v) => v),
      ["message_sent_at_id_idx", "message_external_id_message_id_idx"],
    );
  });

  it("/messages?q=<phone> reads the recipient index, every spelling at once", async () => {
    await expectIndexed(
      () => listMessagesForPage(test.db, { ...noFilters, q: targets.phoneQuery }, settings, (v) => v),
      ["message_recipient_sent_at_idx"],
    );
  });

  it("/messages?q=<SID> probes the provider-id index, then the message by its key", async () => {
    await expectIndexed(
      () => listMessagesForPage(test.db, { ...noFilters, q: targets.sid }, settings, (v) => v),
      ["message_external_id_external_id_idx", "message_pkey"],
    );
  });

  it("/messages?stuck=true reads one (status, sent_at) range per waiting status", async () => {
    await expectIndexed(
      () => listMessagesForPage(test.db, { ...noFilters, stuck: true }, settings, (v) => v),
      ["message_status_sent_at_idx"],
    );
  });

  it("/messages/[id] reads the message, its timeline and their requests by index", async () => {
    await expectIndexed(async () => {
      const message = await getMessage(test.db, targets.longMessageId);
      expect(message?.timeline.filter((e) => e.kind === "event")).toHaveLength(50);
      expect(message?.timeline.filter((e) => e.kind === "duplicate").length).toBeGreaterThan(0);
      await listRequestPayloads(
        test.db,
        message!.timeline.map((e) => e.requestId),
      );
    }, [
      "message_pkey",
      "message_event_message_id_received_at_idx",
      "webhook_request_duplicate_of_idx",
      "webhook_request_pkey",
    ]);
  });

  it("/messages/unmatched reads (message_id IS NULL, received_at) backwards", async () => {
    await expectIndexed(
      () => listUnmatchedEvents(test.db, { limit: 50 }),
      ["message_event_message_id_received_at_idx"],
    );
  });

  it("/suppressions reads the active ones newest first through an (…, updated_at, id) index", async () => {
    await expectIndexed(
      () => listSuppressions(test.db, {}),
      [["suppression_lifted_at_updated_at_id_idx", "suppression_updated_at_id_idx"], "message_event_pkey"],
    );
  });

  it("a provider id is found through its index even before message_external_id was ever analyzed", async () => {
    // What the planner knows of a table that autovacuum never analyzed: nothing but its size.
    await client.query(
      "DELETE FROM pg_statistic WHERE starelid = 'message_external_id'::regclass; " +
        "UPDATE pg_class SET reltuples = -1 WHERE oid = 'message_external_id'::regclass",
    );
    try {
      const plans = await plansOf(() =>
        listMessagesForPage(test.db, { ...noFilters, q: targets.sid }, settings, (v) => v),
      );
      const lookup = plans.flatMap((p) =>
        p.nodes.filter(
          (n) => n["Relation Name"] === "message_external_id" && n.Filter?.includes("external_id"),
        ),
      );
      expect(lookup, "external_id is a filter over another scan, not an index condition").toEqual([]);
      const probes = plans.flatMap((p) =>
        p.nodes.filter((n) => n["Index Name"] === "message_external_id_external_id_idx"),
      );
      expect(probes.length).toBeGreaterThan(0);
    } finally {
      await client.query("ANALYZE message_external_id");
    }
  });
});
