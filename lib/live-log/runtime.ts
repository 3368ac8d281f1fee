// The process's one live-log hub, created on first use against the process's database and kept on
// globalThis (Next.js bundles routes separately; see lib/db/runtime.ts). Shutdown ends its streams first,
// so the browsers reconnect elsewhere instead of holding the drain open.
import type { Database } from "../db/open";
import { getConfig } from "../env";
import { beforeShutdownDrain } from "../lifecycle";
import { LiveHub } from "./hub";

const holder = globalThis as typeof globalThis & { __signalboardLiveHub?: LiveHub };

export function getLiveHub(db: Database): LiveHub {
  const current = holder.__signalboardLiveHub;
  if (current && current.db === db) return current;
  if (current) void current.close();
  const hub = new LiveHub(db, getConfig().LIVE_LOG_MAX_STREAMS);
  beforeShutdownDrain("live-log-streams", () => hub.endAll());
  holder.__signalboardLiveHub = hub;
  return hub;
}

/** Closes the hub and its LISTEN connection (tests; the process's own shutdown just ends the streams). */
export async function closeLiveHub(): Promise<void> {
  const hub = holder.__signalboardLiveHub;
  holder.__signalboardLiveHub = undefined;
  await hub?.close();
}
