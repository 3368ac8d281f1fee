// The printed forms of a run: the opening line, the text summary (full or --quiet) and --json.
import type { Plan } from "./plan";
import type { Summary } from "./summary";

const HINTS: Record<string, (target: string) => string> = {
  ECONNREFUSED: (target) => `is Signalboard running at ${target}? start it with npm start`,
  ENOTFOUND: (target) => `the host of ${target} does not resolve: check --target`,
  ETIMEDOUT: () => "no answer in time: the server is stuck or overloaded (lower --concurrency or --rate)",
  ECONNRESET: () => "the server closed the connection: did it restart or crash? see its log",
};

export function describePlan(
  plan: Plan,
  target: string,
  publicUrls: Summary["publicUrls"],
  outOfOrder: boolean,
): string {
  const order = outOfOrder ? ", each message's events out of order" : "";
  return [
    `Signalboard simulate · seed ${plan.seed} → ${target}`,
    `  signed for ${Object.entries(publicUrls)
      .map(([p, url]) => `${p} ${url}`)
      .join(" · ")}`,
    `  ${plan.items.length} requests: ${plan.fresh} events over ${plan.messages.length} messages, ` +
      `${plan.duplicates} redeliveries, ${plan.bad} bad${order}`,
  ].join("\n");
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ×${n}`)
    .join(" · ") || "none";

export function formatSummary(summary: Summary, quiet: boolean): string {
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(12)}${text}`);
  const { requests, latencyMs } = summary;
  if (!quiet) {
    lines.push("");
    row(
      "Sent",
      `${requests.sent} of ${requests.planned} (${requests.fresh} events, ${requests.duplicates} redeliveries, ` +
        `${requests.bad} bad) in ${(summary.elapsedMs / 1000).toFixed(2)} s · ${summary.ratePerSecond} req/s`,
    );
    row("By status", counts(summary.byStatus));
    row("By outcome", counts(summary.byOutcome));
    for (const [provider, byStatus] of Object.entries(summary.byProvider))
      row(`  ${provider}`, counts(byStatus));
    if (latencyMs)
      row(
        "Latency",
        `p50 ${latencyMs.p50} ms · p95 ${latencyMs.p95} ms · p99 ${latencyMs.p99} ms · max ${latencyMs.max} ms`,
      );
    const bad = Object.entries(summary.badByKind).map(([kind, byStatus]) => `${kind} (${counts(byStatus)})`);
    if (bad.length) row("Bad", bad.join(" · "));
    for (const note of summary.notes) row("Note", note);
  }
  for (const [code, n] of Object.entries(summary.transportErrors)) {
    row("Error", `${code} ×${n}${HINTS[code] ? ` — ${HINTS[code](summary.target)}` : ""}`);
  }
  if (summary.stoppedBy) row("Stopped", `after ${summary.stoppedBy}: ${requests.notSent} requests not sent`);
  for (const warning of summary.warnings) row("Warning", warning);
  for (const f of summary.failures.first) {
    const answer = `${f.status}${f.outcome ? ` ${f.outcome}` : ""}`;
    // The server's request row (by requestId) holds the diagnosis; otherwise show the start of the body.
    const requestId = f.body?.match(/"requestId":"([^"]+)"/)?.[1];
    const detail = requestId ? ` requestId ${requestId}` : f.body ? ` ${f.body.slice(0, 200)}` : "";
    row("Failure", `#${f.index} ${f.provider} ${f.badKind ?? f.request}: ${f.reason} (${answer})${detail}`);
  }
  if (summary.failures.count > summary.failures.first.length) {
    row("", `… and ${summary.failures.count - summary.failures.first.length} more failures`);
  }
  const rate = `${requests.sent} requests, ${summary.ratePerSecond} req/s`;
  const latency = latencyMs ? `, p95 ${latencyMs.p95} ms` : "";
  const transport = Object.values(summary.transportErrors).reduce((a, b) => a + b, 0);
  const problems = [
    summary.failures.count && `${summary.failures.count} wrong answer(s)`,
    transport && `${transport} request(s) without an answer`,
    requests.notSent && `${requests.notSent} not sent`,
  ]
    .filter(Boolean)
    .join(", ");
  row("Result", summary.ok ? `OK (${rate}${latency})` : `FAILED: ${problems} (${rate}${latency})`);
  return lines.join("\n");
}

export function formatJson(summary: Summary): string {
  return JSON.stringify(summary, null, 2);
}
