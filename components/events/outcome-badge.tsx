// An outcome in words, its meaning on hover; the one outcome list lives in lib/ingest.
import { Badge } from "@/components/ui/badge";
import { OUTCOME_MEANINGS, isOutcome } from "@/lib/ingest/outcome-meaning";

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const meaning = isOutcome(outcome) ? OUTCOME_MEANINGS[outcome] : null;
  return (
    <Badge tone={meaning?.tone ?? "neutral"} title={meaning?.meaning}>
      {meaning?.label ?? outcome}
    </Badge>
  );
}
