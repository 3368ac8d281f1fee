// Folds newly stored events into their messages: lock the rows, apply each event with the status layer
// (order-free by construction), write the new state in one statement, and move the counters and rollups.
import { toJsonParam } from "../db/json-param";
import type { Channel } from "../providers/types";
import { applyEvent, statusRank, type StatusEvent } from "../status/derive";
import { MESSAGE_STATE_COLUMNS, stateFromRow, stateToRecord, type MessageStateRow } from "./state-codec";
import { RollupDeltas } from "./rollups";
import { StatDeltas } from "./stats";
import type { TransactionClient } from "./tx";

export interface EventForMessage {
  eventId: bigint;
  messageId: string;
  event: StatusEvent;
  /** The clicked URL of a click event, for the top-links rollup. */
  clickedLink?: string | null;
}

export async function applyEventsToMessages(tx: TransactionClient, items: EventForMessage[]): Promise<void> {
  if (!items.length) return;
  const ids = [...new Set(items.map((i) => i.messageId))].sort();
  // FOR UPDATE in id order: concurrent batches serialize per message and cannot deadlock.
  const rows = await tx.$queryRawUnsafe<MessageStateRow[]>(
    `SELECT ${MESSAGE_STATE_COLUMNS} FROM message WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    ids,
  );
  const byMessage = new Map<string, EventForMessage[]>();
  for (const item of items) byMessage.set(item.messageId, [...(byMessage.get(item.messageId) ?? []), item]);

  const updates: Record<string, unknown>[] = [];
  const late: string[] = [];
  const stats = new StatDeltas();
  const rollups = new RollupDeltas();
  for (const row of rows) {
    const channel = row.channel as Channel;
    const statKey = { sentAt: row.sent_at, channel: row.channel, campaign: row.campaign };
    const before = stateFromRow(row);
    let state = before;
    for (const item of byMessage.get(row.id) ?? []) {
      // Every click counts for its link (each event is applied once: duplicates never reach here).
      if (item.clickedLink) rollups.clicked(statKey, item.clickedLink);
      // "Late": a delivery status ranked below what the message already reached (e.g. sent after delivered).
      const rank = statusRank(channel, item.event.status);
      if (rank !== null && rank < state.statusRank) late.push(item.eventId.toString());
      state = applyEvent(state, channel, item.event);
    }
    if (state === before) continue;
    updates.push(stateToRecord(row.id, state));
    rollups.changed(statKey, before, state);
    stats.changed(
      statKey,
      {
        status: before.status,
        opened: !!before.firstOpenedAt,
        clicked: !!before.firstClickedAt,
        complained: !!before.complainedAt,
      },
      {
        status: state.status,
        opened: !!state.firstOpenedAt,
        clicked: !!state.firstClickedAt,
        complained: !!state.complainedAt,
      },
    );
  }
  if (updates.length) await writeStates(tx, updates);
  if (late.length) {
    await tx.$executeRawUnsafe(`UPDATE message_event SET late = true WHERE id = ANY($1::bigint[])`, late);
  }
  await stats.write(tx);
  await rollups.write(tx);
}

async function writeStates(tx: TransactionClient, updates: Record<string, unknown>[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE message AS m SET
       status = u.status, status_rank = u.status_rank, status_at = u.status_at, delivered_at = u.delivered_at,
       failed_at = u.failed_at, bounced_at = u.bounced_at, complained_at = u.complained_at,
       first_opened_at = u.first_opened_at, first_clicked_at = u.first_clicked_at, open_count = u.open_count,
       click_count = u.click_count, error_code = u.error_code, error_message = u.error_message,
       bounce_type = u.bounce_type, bounce_sub_type = u.bounce_sub_type, state = u.state, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS u(
       id uuid, status text, status_rank int, status_at timestamptz, delivered_at timestamptz, failed_at timestamptz,
       bounced_at timestamptz, complained_at timestamptz, first_opened_at timestamptz, first_clicked_at timestamptz,
       open_count int, click_count int, error_code text, error_message text, bounce_type text, bounce_sub_type text,
       state jsonb)
     WHERE m.id = u.id`,
    toJsonParam(updates),
  );
}
