// What a verified request becomes before it is written: its event, or the reason it is invalid. Shared by
// the webhook routes (handle-webhook.ts) and replays (lib/replay/), so a replay goes through the same steps.
import type { Examined } from "../providers/adapter";
import type { ParsedWebhook } from "../providers/types";
import { prepareStorable } from "./storable-event";
import type { RequestRecord } from "./types";

export type VerifiedStep =
  | { ok: true; event: ParsedWebhook }
  | { ok: false; reason: string; issues?: Array<{ path: string; message: string }> };

/** Parses a verified body; fills the record's event type, external id and (for invalid ones) diagnosis. */
export function readVerifiedEvent(
  record: RequestRecord,
  examined: Examined,
  validUtf8: boolean,
): VerifiedStep {
  if (!validUtf8) return { ok: false, reason: "body is not valid UTF-8" };
  const parsed = examined.parse();
  if (!parsed.ok) {
    record.eventType = examined.claimedEventType;
    record.externalId = examined.claimedExternalId;
    record.diagnosis = { issues: parsed.issues };
    return { ok: false, reason: `malformed payload: ${parsed.reason}`, issues: parsed.issues };
  }
  const storable = prepareStorable(parsed.event);
  if (!storable.ok) {
    record.eventType = parsed.event.eventType;
    record.externalId = parsed.event.externalId;
    record.diagnosis = { issues: storable.issues };
    return { ok: false, reason: `unusable payload: ${storable.reason}`, issues: storable.issues };
  }
  const event = storable.event;
  record.eventType = event.eventType;
  record.externalId = event.externalId;
  if (event.kind === "ignored") record.reason = joinReason(record.reason, `ignored: ${event.reason}`);
  return { ok: true, event };
}

export function joinReason(a: string | null, b: string): string {
  return a ? `${a}; ${b}` : b;
}
