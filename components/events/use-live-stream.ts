"use client";
// The live log's stream for one tab: joins the browser's shared stream for the page's filter
// (shared-stream.ts), starting after the newest row the page already shows, and reports its state so the
// page can say "disconnected — reconnecting", "reload to catch up" or "too many streams open". A
// "reload" stays: rows were lost to this tab, whatever the stream does next.
import { useEffect, useRef, useState } from "react";
import type { LiveRow } from "@/lib/queries/live-log-rows";
import { joinSharedStream } from "./shared-stream";
import type { StreamState } from "./stream-connection";

export type { StreamState } from "./stream-connection";
export type StreamRole = "leader" | "follower";

/** Rows of one burst render together (a timer, not an animation frame: those stop in a hidden tab). */
const BATCH_MS = 50;

export function useLiveStream(
  query: string,
  after: string,
  onRows: (rows: LiveRow[]) => void,
): { state: StreamState; role: StreamRole } {
  const [status, setStatus] = useState<{ state: StreamState; role: StreamRole }>({
    state: { kind: "connecting" },
    role: "follower",
  });
  const deliver = useRef(onRows);
  useEffect(() => {
    deliver.current = onRows;
  }, [onRows]);

  useEffect(() => {
    let pending: LiveRow[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const flush = () => {
      timer = undefined;
      const rows = pending;
      pending = [];
      if (rows.length) deliver.current(rows);
    };
    const leave = joinSharedStream(query, after ? BigInt(after) : 0n, {
      onRows: (rows) => {
        pending.push(...rows);
        timer ??= setTimeout(flush, BATCH_MS);
      },
      onState: (state, role) => {
        if (stopped) return;
        if (state.kind === "reload") stopped = true;
        setStatus({ state, role });
      },
    });
    return () => {
      leave();
      clearTimeout(timer);
    };
    // A new filter is a new stream; `after` is only where the first one starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return status;
}
