"use client";
// The browser side of the live log's stream: one EventSource per tab, resuming from the newest row the
// page already shows (?after=), then from Last-Event-ID on each automatic reconnect. Reports its state so
// the page can say "disconnected — reconnecting", "reload to catch up" or "too many streams open".
import { useEffect, useRef, useState } from "react";
import type { LiveRow } from "@/lib/queries/live-log-rows";

export type StreamState =
  | { kind: "connecting" }
  | { kind: "live"; openStreams: number; maxStreams: number }
  | { kind: "reconnecting" }
  | { kind: "reload"; reason: string }
  | { kind: "full"; openStreams: number; maxStreams: number };

/** How long a refused browser waits before it asks for a stream again. */
const RETRY_WHEN_FULL_MS = 30_000;

export function useLiveStream(query: string, after: string, onRows: (rows: LiveRow[]) => void): StreamState {
  const [state, setState] = useState<StreamState>({ kind: "connecting" });
  const deliver = useRef(onRows);
  useEffect(() => {
    deliver.current = onRows;
  }, [onRows]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let pending: LiveRow[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const rows = pending;
      pending = [];
      if (rows.length) deliver.current(rows);
    };
    const open = () => {
      const params = new URLSearchParams(query);
      if (after) params.set("after", after);
      source = new EventSource(`/api/events/stream?${params}`);
      source.addEventListener("hello", (e) => {
        const hello = JSON.parse((e as MessageEvent).data) as { openStreams: number; maxStreams: number };
        setState({ kind: "live", ...hello });
      });
      source.addEventListener("request", (e) => {
        pending.push(JSON.parse((e as MessageEvent).data) as LiveRow);
        // Rows of one burst render together.
        frame ||= requestAnimationFrame(flush);
      });
      source.addEventListener("reload", (e) => {
        source?.close();
        setState({
          kind: "reload",
          reason: (JSON.parse((e as MessageEvent).data) as { reason: string }).reason,
        });
      });
      source.addEventListener("full", (e) => {
        source?.close();
        setState({ kind: "full", ...JSON.parse((e as MessageEvent).data) });
        retryTimer = setTimeout(open, RETRY_WHEN_FULL_MS);
      });
      source.onerror = () => {
        // The browser reconnects by itself (retry: 2 s) and sends Last-Event-ID; a closed source is final.
        if (source?.readyState === EventSource.CONNECTING) setState({ kind: "reconnecting" });
        else if (source?.readyState === EventSource.CLOSED) {
          setState({ kind: "reconnecting" });
          retryTimer = setTimeout(open, 5_000);
        }
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(retryTimer);
      if (frame) cancelAnimationFrame(frame);
    };
    // A new filter is a new stream; `after` is only where the first one starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return state;
}
