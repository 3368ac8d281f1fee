// Samples a server's resident memory while a scenario runs: a flood of hostile input must not grow it
// without bound (a cap that buffers too much, a cache keyed by attacker input, a leak per rejection).
import type { AppServer } from "./app-server";

export interface MemorySampler {
  stop(): { baselineMb: number; peakMb: number; lastMb: number; samples: number };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function sampleMemory(server: AppServer, everyMs = 250): MemorySampler {
  const baseline = server.rssBytes();
  let peak = baseline;
  let last = baseline;
  let samples = 1;
  const timer = setInterval(() => {
    const rss = server.rssBytes();
    if (rss === 0) return;
    last = rss;
    peak = Math.max(peak, rss);
    samples++;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { baselineMb: mb(baseline), peakMb: mb(peak), lastMb: mb(last), samples };
    },
  };
}
