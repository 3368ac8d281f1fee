// The one list of outcomes a received webhook request is recorded with (webhook_request.outcome). The
// Outcome type, the live log's labels (outcome-meaning.ts), the schema's comment and docs/api.md
// ("Request outcomes", checked by outcomes.test.ts) all follow this list.
//
// Only what can be a row belongs here: a request answered 503 because the database is unavailable or the
// instance is shutting down is not stored (its log line is its record), so "unavailable" is no outcome.
export const OUTCOMES = [
  /** Verified and stored; the status change applied to its message. */
  "accepted",
  /** Verified; this delivery or the same status was stored before, so it changed nothing. */
  "duplicate",
  /** Verified and stored; no registered message has this provider id yet. */
  "unmatched",
  /** Verified and recorded; an event type Signalboard does not track (contact.*, inbound SMS, ...). */
  "ignored",
  /** The signature did not verify (401). */
  "rejected_signature",
  /** A content type the provider never sends (415), or a body that is not its payload (400). */
  "invalid",
  /** The body exceeded WEBHOOK_MAX_BODY_BYTES (413). */
  "too_large",
  /** Refused: the source sent too many rejected requests (429). */
  "rate_limited",
  /** The body never arrived whole: the client gave up mid-body, or missed WEBHOOK_BODY_TIMEOUT (408). */
  "aborted",
  /** A fault in Signalboard while storing it (500; the provider retries). */
  "error",
] as const;

export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}
