// The range's figures from the request rollup, and this instance's 503s (counted in memory).
import { formatCount } from "@/lib/overview/format";
import { formatMs, formatPercentile, formatPerMinute } from "@/lib/operations/format";
import type { OperationsData } from "@/lib/queries/operations/get-operations";
import { cn } from "@/lib/ui/cn";

interface Metric {
  id: string;
  label: string;
  value: string;
  hint: string;
  alert?: boolean;
}

function metricsOf(data: OperationsData): Metric[] {
  const s = data.summary;
  return [
    {
      id: "total",
      label: "Requests",
      value: formatCount(s.total),
      hint: `${formatPerMinute(s.perMinute)} per minute`,
    },
    { id: "accepted", label: "Accepted", value: formatCount(s.accepted), hint: "verified, answered 2xx" },
    {
      id: "rejected",
      label: "Rejected",
      value: formatCount(s.rejected),
      hint: "answered 4xx, not processed",
    },
    {
      id: "signature-failures",
      label: "Signature failures",
      value: formatCount(s.signatureFailures),
      hint: "wrong secret or URL",
      alert: s.signatureFailures > 0,
    },
    {
      id: "unmatched",
      label: "Unmatched ids",
      value: formatCount(s.unmatched),
      hint: "no registered message",
    },
    {
      id: "database-errors",
      label: "Database errors",
      value: formatCount(s.databaseErrors),
      hint: "write failed, answered 500",
      alert: s.databaseErrors > 0,
    },
    {
      id: "unavailable",
      label: "503s (this instance)",
      value: formatCount(data.unavailable.count),
      hint: "database down or stopping, since start",
      alert: data.unavailable.count > 0,
    },
    { id: "average", label: "Average time", value: formatMs(s.averageMs), hint: "processing, per request" },
    { id: "p95", label: "p95 time", value: formatPercentile(s.p95), hint: "95 % of requests within" },
  ];
}

export function MetricCards({ data }: { data: OperationsData }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(auto-fit,minmax(8.5rem,1fr))]">
      {metricsOf(data).map((m) => (
        <div
          key={m.id}
          className={cn(
            "rounded-lg border bg-surface px-4 py-3",
            m.alert ? "border-danger/50 bg-danger-soft" : "border-line",
          )}
        >
          <dt className="text-xs font-medium text-muted">{m.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${m.id}-value`}>
            {m.value}
          </dd>
          <dd className="text-xs text-muted">{m.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
