// The shape of a golden-table row and the builders the tables are written with.
import type { OracleState } from "@/test/support/status-oracle";
import type { StatusEvent } from "../types";

export interface GoldenRow {
  name: string;
  /** In arrival order. */
  events: StatusEvent[];
  /** Every field not given is null (times, errors) or 0 (counts). */
  expect: Partial<Omit<OracleState, "statusRank">> & { status: string };
}

/** Minute `m` of the day the tables are set on. */
export const at = (m: number) => new Date(Date.UTC(2026, 1, 22, 23, 0) + m * 60_000);

let nextId = 0;

/** A Twilio callback: no event time of its own, only when it reached us (minute `arrived`). */
export const twilio = (status: string, arrived: number, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  status,
  occurredAt: null,
  receivedAt: at(arrived),
  deliveryId: `idem-${nextId++}`,
  ...extra,
});

/** A Resend event created at minute `created` (its created_at); it reached us a little later. */
export const resend = (status: string, created: number, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  status,
  occurredAt: at(created),
  receivedAt: new Date(at(created).getTime() + 2_000),
  deliveryId: `msg_${nextId++}`,
  ...extra,
});
