// The live log's section of docs/benchmarks.md, between its own markers, so `npm run bench -- --live-log`
// rewrites only its figures.
import type { LiveLogRun } from "./live-log";
import { writeMarkedSection } from "./marked-section";

const START = "<!-- live-log-bench:start -->";
const END = "<!-- live-log-bench:end -->";
const TARGET_MS = 1_000;
const ms = (n: number) => n.toFixed(1);

export function renderLiveLogSection(runs: LiveLogRun[], machine: string, when: Date): string {
  const worst = Math.max(...runs.map((r) => r.latency.p95));
  return [
    START,
    "## Live log latency",
    "",
    `Measured ${when.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine} with \`npm run bench -- --live-log\`.`,
    "One stream is open on `GET /api/events/stream` (as the Events page opens it) while signed Twilio and",
    "Resend callbacks arrive at a steady pace; each sample is the time from the moment the callback's 2xx",
    "answer arrived to the moment the stream delivered its request. Target: p95 under 1 s.",
    "",
    "| Database | Requests | Pace | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Missing |",
    "| --- | --: | --: | --: | --: | --: | --: | --: |",
    ...runs.map(
      (r) =>
        `| ${r.db === "pglite" ? "PGlite" : "PostgreSQL"} | ${r.requests} | ${r.ratePerSecond}/s | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${r.missing} |`,
    ),
    "",
    worst < TARGET_MS && runs.every((r) => r.missing === 0)
      ? `Every run is under the target (worst p95 ${ms(worst)} ms) and no request was missing from the stream.`
      : `**Over the target or incomplete**: worst p95 ${ms(worst)} ms; see the table.`,
    END,
  ].join("\n");
}

export function writeLiveLogSection(file: string, section: string): void {
  writeMarkedSection(file, section, START, END);
}
