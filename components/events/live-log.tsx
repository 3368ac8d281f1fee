"use client";
// The live tail of the log: the server's first page, then every new request from the stream on top.
// Repeats are dropped by request id (a reconnect may resend what the page already has). Paused, new rows
// wait (and are counted) until resume. The page keeps the newest rows only; older ones page in below.
import { Pause, Play, RefreshCw } from "lucide-react";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import type { LiveRow } from "@/lib/queries/live-log-rows";
import { EventTable } from "./event-table";
import { StreamStatus } from "./stream-status";
import { useLiveStream } from "./use-live-stream";

const KEPT_ROWS = 500;

function merge(current: LiveRow[], incoming: LiveRow[]): LiveRow[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const row of incoming) if (!byId.has(row.id)) byId.set(row.id, row);
  if (byId.size === current.length) return current;
  return [...byId.values()].sort((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? 1 : -1)).slice(0, KEPT_ROWS);
}

export function LiveLog({
  initialRows,
  query,
  from,
}: {
  initialRows: LiveRow[];
  query: string;
  /** The sequence the stream starts after: the newest stored when the page was read. */
  from: string;
}) {
  const [rows, setRows] = useState(initialRows);
  const [held, setHeld] = useState<LiveRow[]>([]);
  const [paused, setPaused] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  const onRows = useCallback(
    (incoming: LiveRow[]) => {
      if (paused) setHeld((h) => merge(h, incoming));
      else {
        setRows((r) => merge(r, incoming));
        setFresh(new Set(incoming.map((r) => r.id)));
      }
    },
    [paused],
  );
  const { state, role } = useLiveStream(query, from, onRows);

  const resume = () => {
    setRows((r) => merge(r, held));
    setFresh(new Set(held.map((r) => r.id)));
    setHeld([]);
    setPaused(false);
  };

  return (
    <section aria-label="Live requests" className="space-y-3" data-stream-query={query}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StreamStatus state={state} role={role} paused={paused} />
        <div className="flex items-center gap-2">
          {paused && (
            <span className="text-sm text-muted" data-testid="held-count" aria-live="polite">
              {held.length === 1 ? "1 new request" : `${held.length} new requests`} while paused
            </span>
          )}
          {paused ? (
            <Button size="sm" onClick={resume}>
              <Play aria-hidden className="size-4" /> Resume
            </Button>
          ) : (
            <Button size="sm" variant="secondary" onClick={() => setPaused(true)}>
              <Pause aria-hidden className="size-4" /> Pause
            </Button>
          )}
          {state.kind === "reload" && (
            <Button size="sm" variant="secondary" onClick={() => window.location.reload()}>
              <RefreshCw aria-hidden className="size-4" /> Reload
            </Button>
          )}
        </div>
      </div>
      {rows.length ? (
        <EventTable rows={rows} fresh={fresh} />
      ) : (
        <p className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-muted">
          Waiting for the first request. Point Twilio&apos;s status callback and Resend&apos;s webhook at the
          URLs under Settings; each request shows here the moment it is stored.
        </p>
      )}
    </section>
  );
}
