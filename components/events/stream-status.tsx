"use client";
// Says whether the page is live, and if not, why and what happens next.
import { Badge } from "@/components/ui/badge";
import type { StreamRole, StreamState } from "./use-live-stream";

export function StreamStatus({
  state,
  role,
  paused,
}: {
  state: StreamState;
  role: StreamRole;
  /** Connected, but new rows wait for Resume: the badge says so rather than "Live". */
  paused: boolean;
}) {
  const [tone, text] = paused && state.kind === "live" ? (["neutral", "Paused"] as const) : describe(state);
  return (
    <p
      className="flex flex-wrap items-center gap-2 text-sm"
      role="status"
      data-testid="stream-status"
      data-stream-role={role}
    >
      <Badge tone={tone}>{text}</Badge>
      {state.kind === "live" && (
        <span className="text-muted">
          {state.openStreams} of {state.maxStreams} live streams open on this instance
          {role === "follower" ? " · shared with another tab" : ""}
        </span>
      )}
      {state.kind === "full" && (
        <span className="text-muted">
          This instance already serves {state.maxStreams} live streams; trying again in 30 seconds. Close the
          Events page in another tab, or raise LIVE_LOG_MAX_STREAMS.
        </span>
      )}
      {state.kind === "reconnecting" && (
        <span className="text-muted">
          The server cannot be reached. The page reconnects by itself and then shows what arrived meanwhile.
        </span>
      )}
      {state.kind === "reload" && <span className="text-muted">Reload to catch up ({state.reason}).</span>}
    </p>
  );
}

function describe(state: StreamState): ["success" | "warning" | "danger" | "neutral", string] {
  switch (state.kind) {
    case "live":
      return ["success", "Live"];
    case "connecting":
      return ["neutral", "Connecting…"];
    case "reconnecting":
      return ["warning", "Disconnected — reconnecting"];
    case "full":
      return ["danger", "Not live: too many streams open"];
    case "reload":
      return ["danger", "Stopped"];
  }
}
