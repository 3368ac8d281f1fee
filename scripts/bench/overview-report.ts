// The overview's section of docs/benchmarks.md, between its own markers, so `npm run bench -- --overview`
// rewrites only its figures and leaves the ingest report alone.
import type { OverviewRun } from "./overview";
import { writeMarkedSection } from "./marked-section";
import { PAGE_TARGET_MS, int, ms, pageTargetVerdict } from "./page-target";

const START = "<!-- overview-bench:start -->";
const END = "<!-- overview-bench:end -->";
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
    `Target: p95 < ${PAGE_TARGET_MS} ms at 1M messages on both databases — ${pageTargetVerdict(worst, notMeasured)}.`,
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
