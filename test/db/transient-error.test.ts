// The retry rules see the errors a real database raises, not hand-made ones: a deadlock PostgreSQL
// resolves by aborting one of two Prisma transactions is transient; a unique-key violation is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTransientTransactionError } from "@/lib/db/transient-error";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres("transient transaction errors (PostgreSQL)", () => {
  let target: TestDatabase;

  beforeAll(async () => {
    target = await createTestDatabase("postgres");
    await target.db.prisma.$executeRawUnsafe(
      `INSERT INTO message_stat (bucket, channel, campaign, metric, count)
       VALUES ('2026-11-01T00:00:00Z', 'sms', 'a', 'total', 0), ('2026-11-01T00:00:00Z', 'sms', 'b', 'total', 0)`,
    );
  });
  afterAll(() => target?.drop());

  /** Two transactions each lock one counter row, wait for each other, then want the other's row. */
  async function provokeDeadlock(): Promise<unknown[]> {
    const { prisma } = target.db;
    let arrived = 0;
    let release!: () => void;
    const bothHoldTheirRow = new Promise<void>((resolve) => (release = resolve));
    const lockInOrder = (first: string, second: string) =>
      prisma.$transaction(
        async (tx) => {
          const bump = (campaign: string) =>
            tx.$executeRawUnsafe(
              `UPDATE message_stat SET count = count + 1 WHERE campaign = $1 AND metric = 'total'`,
              campaign,
            );
          await bump(first);
          if (++arrived === 2) release();
          await bothHoldTheirRow;
          await bump(second);
        },
        { timeout: 20_000 },
      );
    const results = await Promise.allSettled([lockInOrder("a", "b"), lockInOrder("b", "a")]);
    return results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
  }

  it("classifies PostgreSQL's deadlock victim as worth another try", async () => {
    const failures = await provokeDeadlock();
    expect(failures).toHaveLength(1);
    expect(isTransientTransactionError(failures[0])).toBe(true);
  });

  it("does not classify a unique-key violation as transient", async () => {
    const error = await target.db.prisma
      .$executeRawUnsafe(
        `INSERT INTO message_stat (bucket, channel, campaign, metric, count)
         VALUES ('2026-11-01T00:00:00Z', 'sms', 'a', 'total', 0)`,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isTransientTransactionError(error)).toBe(false);
  });
});
