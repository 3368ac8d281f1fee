// Marks a live-log row that is a replay of an earlier request (lib/replay/).
import { RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";

export function ReplayMark() {
  return (
    <Badge tone="info" title="A replay of a stored request" data-testid="replay-mark">
      <RotateCcw className="size-3" aria-hidden />
      Replay
    </Badge>
  );
}
