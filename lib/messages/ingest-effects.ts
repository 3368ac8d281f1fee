// The message layer's part of an ingest transaction: which of our messages each event belongs to, and
// what the stored events change (message state, counters, suppressions).
import type { NormalizedEvent } from "../providers/types";
import type { StatusEvent } from "../status/derive";
import { applyEventsToMessages } from "./apply-events";
import { lockProviderIds } from "./locks";
import { resolveMessageIds as resolveByCascade, type ResolveOptions } from "./resolve";
import { applySuppressions, type SoftBounceSettings } from "./suppress";
import type { TransactionClient } from "./tx";

export type { TransactionClient };

export interface MessageLayerOptions {
  mapping: Omit<ResolveOptions, "receivedAt">;
  softBounce: SoftBounceSettings;
}

export interface InsertedEvent {
  id: bigint;
  messageId: string | null;
  event: NormalizedEvent;
  receivedAt: Date;
}

/** Our message id for each event that can be matched; events missing from the map are unmatched. */
export async function resolveMessageIds(
  tx: TransactionClient,
  events: NormalizedEvent[],
  options: MessageLayerOptions,
  receivedAt: (e: NormalizedEvent) => Date,
): Promise<Map<NormalizedEvent, string>> {
  if (!events.length) return new Map();
  await lockProviderIds(tx, events);
  return resolveByCascade(tx, events, { ...options.mapping, receivedAt });
}

export function toStatusEvent(event: NormalizedEvent, receivedAt: Date): StatusEvent {
  return {
    status: event.status,
    occurredAt: event.occurredAt,
    deliveryId: event.deliveryId ?? event.effectKey,
    receivedAt,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    bounceType: event.bounce?.type ?? null,
    bounceSubType: event.bounce?.subType ?? null,
  };
}

/** Applies newly stored (never duplicate) events: message state and counters, then suppressions. */
export async function applyIngestedEvents(
  tx: TransactionClient,
  events: InsertedEvent[],
  options: MessageLayerOptions,
): Promise<void> {
  await applyEventsToMessages(
    tx,
    events
      .filter((e) => e.messageId)
      .map((e) => ({
        eventId: e.id,
        messageId: e.messageId!,
        event: toStatusEvent(e.event, e.receivedAt),
        clickedLink: e.event.click?.link ?? null,
      })),
  );
  await applySuppressions(
    tx,
    events.map((e) => ({
      eventId: e.id,
      messageId: e.messageId,
      channel: e.event.channel,
      status: e.event.status,
      recipient: e.event.recipient,
      sender: e.event.sender,
      errorCode: e.event.errorCode,
      bounceType: e.event.bounce?.type ?? null,
      detail: e.event.bounce?.message ?? e.event.errorMessage,
    })),
    options.softBounce,
  );
}
