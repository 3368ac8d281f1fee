// The overview's section of docs/benchmarks.md, between its own markers, so `npm run bench -- --overview`
// rewrites only its figures and leaves the ingest report alone.
import type { OverviewRun } from "./overview";
import { writeMarkedSection } from "./marked-section";

const START = "<!-- overview-bench:start -->";
const END = "<!-- overview-bench:end -->";
const TARGET_MS = 300;

const int = (n: number) => n.toLocaleString("en-US");
const ms = (n: number) => n.toFixed(1);

function verdict(worst: number, notMeasured: string[]): string {
  if (!Number.isFinite(worst)) return "**not measured**";
  if (worst >= TARGET_MS) return `**NOT met** (worst p95 ${ms(worst)} ms)`;
  return notMeasured.length
    ? `met where measured (worst p95 ${ms(worst)} ms), but not every run finished`
    : `**met** (worst p95 ${ms(worst)} ms)`;
}

export function renderOverviewSection(
  runs: OverviewRun[],
  machine: string,
  when: Date,
  /** The (database, size) runs that failed, with why: listed so a missing table is explained. */
  notMeasured: string[] = [],
): string {
  const worst = Math.max(...runs.flatMap((r) => r.timings.map((t) => t.latency.p95)));
  const lines = [
    START,
    "## The overview at 100k and 1M messages",
    "",
    `Measured ${when.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine} with \`npm run bench -- --overview\`.`,
    "Each database is filled with `npm run seed`'s bulk SQL (messages over 90 days, a dozen campaigns, their",
    "events, counters and rollups), then each request is timed one at a time, as a person opening the page:",
    "the full server-rendered HTML of `/` and `GET /api/metrics/summary` for the same view.",
    "",
    `Target: p95 < ${TARGET_MS} ms at 1M messages on both databases — ${verdict(worst, notMeasured)}.`,
    "",
  ];
  for (const run of runs) {
    lines.push(
      `### ${run.db === "pglite" ? "PGlite (embedded)" : "PostgreSQL"}, ${int(run.messages)} messages`,
      "",
      `Seeded in ${ms(run.seedSeconds)} s: ${int(run.events)} events, ${int(run.statRows)} counter rows, ${int(run.rollupRows)} rollup rows.`,
      "",
      "| Request | p50 ms | p95 ms | p99 ms | max ms |",
      "|---|---:|---:|---:|---:|",
      ...run.timings.map(
        (t) =>
          `| \`GET ${t.request}\` | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | ${ms(t.latency.p99)} | ${ms(t.latency.max)} |`,
      ),
      "",
    );
  }
  for (const failure of notMeasured) lines.push(`Not measured: ${failure}`, "");
  lines.push(END);
  return lines.join("\n");
}

export function writeOverviewSection(file: string, section: string): void {
  writeMarkedSection(file, section, START, END);
}
