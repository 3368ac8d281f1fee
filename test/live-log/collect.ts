// A stand-in for a browser's stream: subscribes to a hub and collects what it is given, in order.
import { expect, vi } from "vitest";
import type { LiveFilter } from "@/lib/live-log/filter";
import type { LiveHub } from "@/lib/live-log/hub";
import type { LiveRow } from "@/lib/queries/live-log-rows";

export interface Collector {
  rows: LiveRow[];
  /** Waits until `count` rows arrived (fails after a few seconds). */
  waitFor(count: number): Promise<LiveRow[]>;
  stop(): void;
}

export function collect(hub: LiveHub, filter: LiveFilter = {}, cursor = 0n): Collector {
  const rows: LiveRow[] = [];
  const subscriber = {
    filter,
    cursor,
    held: null,
    deliver: (batch: LiveRow[]) => rows.push(...batch),
    end: () => undefined,
  };
  expect(hub.add(subscriber)).toBe(true);
  return {
    rows,
    async waitFor(count) {
      await vi.waitFor(() => expect(rows.length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
      return rows;
    },
    stop: () => hub.remove(subscriber),
  };
}

/** Sequence numbers strictly increasing: the order every stream sees. */
export function expectIncreasing(rows: LiveRow[]): void {
  const seqs = rows.map((r) => BigInt(r.seq));
  for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1]).toBe(true);
}
