// How the operations page groups request outcomes. Accepted: verified and answered 2xx (whatever the
// status change did). Rejected: answered 4xx before anything was processed. Errors: answered 500 because
// the write failed. Every outcome is in exactly one group.
import type { Outcome } from "../ingest/types";

export type OutcomeGroup = "accepted" | "rejected" | "error";

const GROUPS: Record<Outcome, OutcomeGroup> = {
  accepted: "accepted",
  duplicate: "accepted",
  unmatched: "accepted",
  ignored: "accepted",
  rejected_signature: "rejected",
  invalid: "rejected",
  too_large: "rejected",
  rate_limited: "rejected",
  aborted: "rejected",
  error: "error",
};

/** An outcome stored by an older or newer version counts as rejected rather than vanishing. */
export function groupOf(outcome: string): OutcomeGroup {
  return (GROUPS as Record<string, OutcomeGroup>)[outcome] ?? "rejected";
}
