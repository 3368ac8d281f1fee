// Samples a server's resident memory while a scenario runs: a flood of hostile input must not grow it
// without bound (a cap that buffers too much, a cache keyed by attacker input, a leak per rejection).
import type { AppServer } from "./app-server";

export interface MemorySampler {
  /** Takes the baseline now: after a warm-up, once the routes are loaded and the caches have filled. */
  markBaseline(): void;
  stop(): { startMb: number; baselineMb: number; peakMb: number; lastMb: number; samples: number };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function sampleMemory(server: AppServer, everyMs = 250): MemorySampler {
  const start = server.rssBytes();
  let baseline = start;
  let peak = start;
  let last = start;
  let samples = 1;
  const timer = setInterval(() => {
    const rss = server.rssBytes();
    if (rss === 0) return;
    last = rss;
    peak = Math.max(peak, rss);
    samples++;
  }, everyMs);
  return {
    markBaseline() {
      baseline = server.rssBytes() || baseline;
    },
    stop() {
      clearInterval(timer);
      return { startMb: mb(start), baselineMb: mb(baseline), peakMb: mb(peak), lastMb: mb(last), samples };
    },
  };
}
