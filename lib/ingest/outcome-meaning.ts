// What each request outcome means in plain words, for the developer reading the live log. Keyed by the one
// outcome list (outcomes.ts), so a new outcome cannot be added without saying what it means.
import type { StatusTone } from "../status/status-meaning";
import type { Outcome } from "./outcomes";

export interface OutcomeMeaning {
  label: string;
  meaning: string;
  tone: StatusTone;
}

export const OUTCOME_MEANINGS: Record<Outcome, OutcomeMeaning> = {
  accepted: {
    label: "Accepted",
    meaning: "Verified and stored; the status change was applied to its message.",
    tone: "success",
  },
  duplicate: {
    label: "Duplicate",
    meaning: "Verified, but this delivery or the same status was stored before, so it changed nothing.",
    tone: "neutral",
  },
  unmatched: {
    label: "Unmatched",
    meaning: "Verified and stored, but no registered message has this provider id (yet).",
    tone: "warning",
  },
  ignored: {
    label: "Ignored",
    meaning: "Verified, but an event type Signalboard does not track; answered 2xx so it is not retried.",
    tone: "neutral",
  },
  rejected_signature: {
    label: "Rejected signature",
    meaning: "The signature did not verify against the configured secret, so nothing was processed.",
    tone: "danger",
  },
  invalid: {
    label: "Invalid",
    meaning: "The Content-Type or the body is not what this provider sends; nothing was processed.",
    tone: "danger",
  },
  too_large: {
    label: "Too large",
    meaning: "The body exceeded WEBHOOK_MAX_BODY_BYTES and was refused; only its first bytes were kept.",
    tone: "danger",
  },
  rate_limited: {
    label: "Rate limited",
    meaning: "Refused because this source sent more than WEBHOOK_RATE_LIMIT requests a minute.",
    tone: "warning",
  },
  aborted: {
    label: "Aborted",
    meaning:
      "The body never arrived whole: the client went away mid-body, or was too slow for WEBHOOK_BODY_TIMEOUT (408).",
    tone: "warning",
  },
  error: {
    label: "Error",
    meaning: "Could not be stored because of a fault in Signalboard; answered 500 so the provider retries.",
    tone: "danger",
  },
};

// Pages that show an outcome need the list and the meanings together; the list itself is outcomes.ts.
export { OUTCOMES, isOutcome } from "./outcomes";
