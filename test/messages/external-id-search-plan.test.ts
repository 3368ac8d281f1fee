// GET /api/messages?externalId=… on PostgreSQL: the lookup of a provider id alone (no provider given) must
// go through an index on message_external_id, never a sequential scan. The SQL is the one the search
// really sends (recorded from the pool Prisma uses), explained on a table large enough that the planner
// would pick an index if one serves the query. PostgreSQL only: PGlite's newer planner can skip-scan the
// (provider, external_id) index, which hides a missing index.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages, listMessagesQuerySchema } from "@/lib/queries/list-messages";
import { createTestDatabase, testTargets, type TestDatabase } from "../support/databases";

const ROWS = 60_000;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe.skipIf(!testTargets.includes("postgres"))("provider-id search plan (postgres)", () => {
  let test: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
    // Half Twilio SMS, half Resend email, each with its provider id, as a busy installation has.
    await client.query(
      `WITH m AS (
         INSERT INTO message (channel, recipient, provider, sent_at)
         SELECT CASE WHEN i % 2 = 0 THEN 'sms' ELSE 'email' END,
                CASE WHEN i % 2 = 0 THEN '+1415555' || lpad(i::text, 6, '0') ELSE 'u' || i || '@example.com' END,
                CASE WHEN i % 2 = 0 THEN 'twilio' ELSE 'resend' END,
                now() - i * interval '1 minute'
           FROM generate_series(1, $1::int) AS i
         RETURNING id, provider, recipient)
       INSERT INTO message_external_id (message_id, provider, external_id)
       SELECT id, provider, 'ext-' || md5(recipient) FROM m`,
      [ROWS],
    );
    await client.query("ANALYZE message, message_external_id");
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await test?.drop();
  });

  it("finds the message through an index, not a scan of message_external_id", async () => {
    const target = await client.query<{ message_id: string; external_id: string }>(
      "SELECT message_id, external_id FROM message_external_id ORDER BY id OFFSET 12345 LIMIT 1",
    );
    const { message_id: messageId, external_id: externalId } = target.rows[0];

    // Record every statement the search sends that reads message_external_id.
    const pool = test.db.pool!;
    const sent: Array<{ text: string; values: unknown[] }> = [];
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
      const config = args[0] as { text?: string; values?: unknown[] };
      if (typeof config === "object" && config.text?.includes("message_external_id"))
        sent.push({ text: config.text, values: config.values ?? [] });
      return query(...args);
    };
    let page;
    try {
      page = await listMessages(test.db, listMessagesQuerySchema.parse({ externalId }));
    } finally {
      (pool as unknown as { query: unknown }).query = query;
    }
    expect(page.items.map((m) => m.id)).toEqual([messageId]);

    expect(sent.length).toBeGreaterThan(0);
    for (const statement of sent) {
      const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${statement.text}`,
        statement.values,
      );
      const nodes = nodesOf(explained.rows[0]["QUERY PLAN"][0].Plan);
      const onTable = nodes.filter((n) => n["Relation Name"] === "message_external_id");
      const plan = JSON.stringify(onTable.map((n) => [n["Node Type"], n["Index Name"] ?? null]));
      expect(onTable.length, statement.text).toBeGreaterThan(0);
      expect(
        onTable.filter((n) => n["Node Type"] === "Seq Scan"),
        `${statement.text}\n${plan}`,
      ).toEqual([]);
    }
  }, 60_000);
});
