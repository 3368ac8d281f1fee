// The support pages' section of docs/benchmarks.md, between its own markers, so `npm run bench --
// --support` rewrites only its figures.
import type { SupportRun } from "./support";
import { writeMarkedSection } from "./marked-section";
import { PAGE_TARGET_MS, int, ms, pageTargetVerdict } from "./page-target";

const START = "<!-- support-bench:start -->";
const END = "<!-- support-bench:end -->";
export function renderSupportSection(
  runs: SupportRun[],
  machine: string,
  when: Date,
  /** The (database, size) runs that failed, with why: listed so a missing table is explained. */
  notMeasured: string[] = [],
): string {
  const worst = Math.max(...runs.flatMap((r) => r.timings.map((t) => t.latency.p95)));
  const lines = [
    START,
    "## The support pages at 100k and 1M messages",
    "",
    `Measured ${when.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine} with \`npm run bench -- --support\`.`,
    "Each database is filled with `npm run seed`'s bulk SQL (messages over 90 days and their events), plus a",
    "suppression for every hard-bounced or unknown recipient and one message with 50 events; then each page's",
    "full server-rendered HTML is timed one request at a time, as a person opening it. The phone search types",
    "a seeded number as `+1 (NXX) 555-XXXX`; the provider-id search a seeded `SM…` SID.",
    "",
    "Every list behind these pages is one index range, asserted on PostgreSQL by",
    "`test/messages/support-page-plans.test.ts` (EXPLAIN of the statements the pages really send, on a seeded",
    "database): the list (`message_sent_at_id_idx`), a phone search (`message_recipient_sent_at_idx`, every",
    "spelling of the number at once), a provider id (`message_external_id_external_id_idx`, also before any",
    "ANALYZE), stuck (`message_status_sent_at_idx`, one range per waiting status, merged), one message's",
    "timeline (`message_event_message_id_received_at_idx`, its duplicates by `webhook_request_duplicate_of_idx`),",
    "unmatched events (`message_event_message_id_received_at_idx`, `message_id IS NULL`) and suppressions",
    "(`suppression_updated_at_id_idx` or `suppression_lifted_at_updated_at_id_idx`) — none a scan.",
    "",
    `Target: p95 < ${PAGE_TARGET_MS} ms at 1M messages on both databases — ${pageTargetVerdict(worst, notMeasured)}.`,
    "",
  ];
  for (const run of runs) {
    lines.push(
      `### ${run.db === "pglite" ? "PGlite (embedded)" : "PostgreSQL"}, ${int(run.messages)} messages`,
      "",
      `Seeded in ${ms(run.seedSeconds)} s: ${int(run.events)} events; ${int(run.suppressions)} suppressions and the 50-event message added in ${ms(run.supportSeconds)} s.`,
      "",
      "| Page | p50 ms | p95 ms | p99 ms | max ms |",
      "|---|---:|---:|---:|---:|",
      ...run.timings.map(
        (t) =>
          `| ${t.label} | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | ${ms(t.latency.p99)} | ${ms(t.latency.max)} |`,
      ),
      "",
    );
  }
  for (const failure of notMeasured) lines.push(`Not measured: ${failure}`, "");
  lines.push(END);
  return lines.join("\n");
}

export function writeSupportSection(file: string, section: string): void {
  writeMarkedSection(file, section, START, END);
}
