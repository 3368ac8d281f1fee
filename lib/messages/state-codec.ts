// Moves a message's derived state between the database row and the status layer's MessageState.
// The basis (what decides the status) is kept as JSON in message.state, so the next event can be folded
// in without reading the timeline.
import { createMessageState, type MessageState, type StatusBasis, type WinningEvent } from "../status/derive";

/** The message columns the state lives in, as read by raw SQL (snake_case). */
export interface MessageStateRow {
  id: string;
  channel: string;
  campaign: string | null;
  sent_at: Date;
  status: string;
  status_rank: number;
  status_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  bounced_at: Date | null;
  complained_at: Date | null;
  first_opened_at: Date | null;
  first_clicked_at: Date | null;
  open_count: number;
  click_count: number;
  error_code: string | null;
  error_message: string | null;
  bounce_type: string | null;
  bounce_sub_type: string | null;
  state: unknown;
}

export const MESSAGE_STATE_COLUMNS =
  "id, channel, campaign, sent_at, status, status_rank, status_at, delivered_at, failed_at, bounced_at, complained_at, " +
  "first_opened_at, first_clicked_at, open_count, click_count, error_code, error_message, bounce_type, bounce_sub_type, state";

interface StoredState {
  basis?: {
    winner?:
      (Omit<WinningEvent, "occurredAt" | "at"> & { occurredAt: string | null; at: string | null }) | null;
    reportedDeliveredAt?: string | null;
    deliveryImplied?: boolean;
    impliedDeliveredAt?: string | null;
  };
  sentEventAt?: string | null;
}

const toDate = (v: string | null | undefined) => (v ? new Date(v) : null);
const toIso = (d: Date | null) => (d ? d.toISOString() : null);

export function stateFromRow(row: MessageStateRow): MessageState {
  const stored = (row.state ?? {}) as StoredState;
  const b = stored.basis ?? {};
  const basis: StatusBasis = {
    winner: b.winner
      ? { ...b.winner, occurredAt: toDate(b.winner.occurredAt), at: toDate(b.winner.at) }
      : null,
    reportedDeliveredAt: toDate(b.reportedDeliveredAt),
    deliveryImplied: b.deliveryImplied ?? false,
    impliedDeliveredAt: toDate(b.impliedDeliveredAt),
  };
  return {
    ...createMessageState(),
    status: row.status,
    statusRank: row.status_rank,
    statusAt: row.status_at,
    sentAt: toDate(stored.sentEventAt),
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
    bouncedAt: row.bounced_at,
    complainedAt: row.complained_at,
    firstOpenedAt: row.first_opened_at,
    firstClickedAt: row.first_clicked_at,
    openCount: row.open_count,
    clickCount: row.click_count,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    bounceType: row.bounce_type,
    bounceSubType: row.bounce_sub_type,
    basis,
  };
}

/** The row values for a state, in the shape the batched UPDATE reads with jsonb_to_recordset. */
export function stateToRecord(id: string, state: MessageState): Record<string, unknown> {
  const w = state.basis.winner;
  const stored: StoredState = {
    basis: {
      winner: w ? { ...w, occurredAt: toIso(w.occurredAt), at: toIso(w.at) } : null,
      reportedDeliveredAt: toIso(state.basis.reportedDeliveredAt),
      deliveryImplied: state.basis.deliveryImplied,
      impliedDeliveredAt: toIso(state.basis.impliedDeliveredAt),
    },
    sentEventAt: toIso(state.sentAt),
  };
  return {
    id,
    status: state.status,
    status_rank: state.statusRank,
    status_at: toIso(state.statusAt),
    delivered_at: toIso(state.deliveredAt),
    failed_at: toIso(state.failedAt),
    bounced_at: toIso(state.bouncedAt),
    complained_at: toIso(state.complainedAt),
    first_opened_at: toIso(state.firstOpenedAt),
    first_clicked_at: toIso(state.firstClickedAt),
    open_count: state.openCount,
    click_count: state.clickCount,
    error_code: state.errorCode,
    error_message: state.errorMessage,
    bounce_type: state.bounceType,
    bounce_sub_type: state.bounceSubType,
    state: stored,
  };
}
