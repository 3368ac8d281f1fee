// When the sender tells us a provider id (at registration or later), the events that arrived before it
// — stored as unmatched — are linked at once and the message's status recomputed from them.
import { toJsonParam } from "../db/json-param";
import { applyEventsToMessages } from "./apply-events";
import type { TransactionClient } from "./tx";

export interface ProviderLink {
  messageId: string;
  provider: string;
  externalId: string;
}

interface LinkedEventRow {
  id: bigint;
  message_id: string;
  request_id: string;
  status: string;
  occurred_at: Date | null;
  received_at: Date;
  delivery_id: string;
  error_code: string | null;
  error_message: string | null;
  bounce_type: string | null;
  bounce_sub_type: string | null;
  clicked_link: string | null;
}

/** Callers hold lockProviderIds for these ids, so no event can slip in unmatched meanwhile. */
export async function linkUnmatchedEvents(tx: TransactionClient, links: ProviderLink[]): Promise<number> {
  if (!links.length) return 0;
  const rows = await tx.$queryRawUnsafe<LinkedEventRow[]>(
    `UPDATE message_event AS e SET message_id = l.message_id
       FROM jsonb_to_recordset($1::jsonb) AS l(message_id uuid, provider text, external_id text)
      WHERE e.provider = l.provider AND e.external_id = l.external_id AND e.message_id IS NULL
      RETURNING e.id, e.message_id, e.request_id, e.status, e.occurred_at, e.received_at, e.delivery_id,
                e.error_code, e.error_message, e.bounce_type, e.bounce_sub_type,
                e.details->'click'->>'link' AS clicked_link`,
    toJsonParam(
      links.map((l) => ({ message_id: l.messageId, provider: l.provider, external_id: l.externalId })),
    ),
  );
  if (!rows.length) return 0;
  // RETURNING has no order: apply in arrival order, so "late" means what it means for live events
  // (a "sent" that arrived before "delivered" is not late just because it was linked after it).
  rows.sort(
    (a, b) => a.received_at.getTime() - b.received_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  await tx.$executeRawUnsafe(
    `UPDATE webhook_request AS r SET message_id = l.message_id
       FROM jsonb_to_recordset($1::jsonb) AS l(id uuid, message_id uuid) WHERE r.id = l.id`,
    toJsonParam(rows.map((r) => ({ id: r.request_id, message_id: r.message_id }))),
  );
  await applyEventsToMessages(
    tx,
    rows.map((r) => ({
      eventId: r.id,
      messageId: r.message_id,
      event: {
        status: r.status,
        occurredAt: r.occurred_at,
        deliveryId: r.delivery_id,
        receivedAt: r.received_at,
        errorCode: r.error_code,
        errorMessage: r.error_message,
        bounceType: r.bounce_type,
        bounceSubType: r.bounce_sub_type,
      },
      clickedLink: r.clicked_link,
    })),
  );
  return rows.length;
}
