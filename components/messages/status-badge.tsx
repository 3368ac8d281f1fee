// A message's status as a badge that says it in words; hovering or focusing it gives the full meaning.
import { Badge } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { describeStatus, STUCK_MEANING } from "@/lib/status/status-meaning";

export function StatusBadge({
  channel,
  status,
  stuck = false,
}: {
  channel: string;
  status: string;
  stuck?: boolean;
}) {
  const meaning = describeStatus(channel, status);
  return (
    <Tooltip content={stuck ? `${meaning.meaning} ${STUCK_MEANING}` : meaning.meaning}>
      <button type="button" className="cursor-help rounded-full" data-testid="status-badge">
        <Badge tone={stuck ? "warning" : meaning.tone}>
          {meaning.label}
          {stuck && <span> · stuck</span>}
        </Badge>
        <span className="sr-only">: {meaning.meaning}</span>
      </button>
    </Tooltip>
  );
}
