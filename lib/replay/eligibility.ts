// Which stored requests can go through the pipeline again, and on what grounds. Pure: the facts of the row.
//
// A request that passed verification when it was received may be replayed without checking its signature
// again, and only because of that: the stored body is byte for byte the body that verified (bodies are
// stored in full or marked truncated), so the earlier verdict still holds for it. Its signature headers were
// not kept (they are kept for rejected requests only), so it could not be checked again anyway.
//
// A request that was never verified is processed only if it passes verification now, against the current
// configuration: that needs its full body and the signature headers stored when it was rejected.
import { bodyRemovedNote } from "../retention/removed-note";
import type { StoredRequest } from "./stored-request";

/** The facts of a stored request that decide (the inspector passes its own view of the same row). */
export type ReplayFacts = Pick<
  StoredRequest,
  "summaryCount" | "body" | "bodyTruncated" | "outcome" | "reason" | "verified" | "signatureHeaders"
> & { receivedAt: Date | string; bodyRemovedAt: Date | string | null };

export type Replayability =
  | { kind: "verified_at_receipt" }
  | { kind: "verify_now"; signatureHeaders: Record<string, string> }
  | { kind: "ineligible"; reason: string };

/** The reasons a request cannot be replayed, as shown (and counted) on the page. */
export const INELIGIBLE = {
  summary: "a flood summary row: the requests it counts were not stored one by one",
  noBody: "its body was not stored",
  truncated:
    "its body was stored truncated (over WEBHOOK_MAX_BODY_BYTES), so its signature cannot be checked over it",
  notUtf8: "its body was not valid UTF-8, so the stored text is not what was signed",
  neverVerified:
    "it was never verified (refused before its signature was checked, or received with verification off) and no signature was kept",
  noSignatureStored: "its signature headers were not stored (it was rejected before Signalboard kept them)",
  noSignatureSent: "it was sent without any signature header",
} as const;

export function replayability(row: ReplayFacts): Replayability {
  const no = (reason: string): Replayability => ({ kind: "ineligible", reason });
  if (row.summaryCount !== null) return no(INELIGIBLE.summary);
  if (row.body === null) {
    return no(row.bodyRemovedAt ? bodyRemovedNote(row.receivedAt, row.bodyRemovedAt) : INELIGIBLE.noBody);
  }
  if (row.bodyTruncated) return no(INELIGIBLE.truncated);
  if (row.outcome === "invalid" && row.reason?.includes("not valid UTF-8")) return no(INELIGIBLE.notUtf8);
  if (row.verified) return { kind: "verified_at_receipt" };
  if (row.outcome !== "rejected_signature") return no(INELIGIBLE.neverVerified);
  if (row.signatureHeaders === null) return no(INELIGIBLE.noSignatureStored);
  if (Object.keys(row.signatureHeaders).length === 0) return no(INELIGIBLE.noSignatureSent);
  return { kind: "verify_now", signatureHeaders: row.signatureHeaders };
}
