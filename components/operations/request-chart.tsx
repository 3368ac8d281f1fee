"use client";
// Requests per step of the range: accepted, rejected and failed, stacked. The points come shaped from the
// server (lib/operations/series.ts); this only draws them.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/overview/format";
import type { RequestPoint } from "@/lib/operations/series";
import { AXIS, TOOLTIP_STYLE } from "@/components/overview/chart-frame";

const SERIES = [
  { key: "accepted", name: "Accepted", color: "var(--success)" },
  { key: "rejected", name: "Rejected", color: "var(--warning)" },
  { key: "errors", name: "Errors", color: "var(--danger)" },
] as const;

export function RequestChart({ points, stepLabel }: { points: RequestPoint[]; stepLabel: string }) {
  const total = (k: (typeof SERIES)[number]["key"]) => points.reduce((s, p) => s + p[k], 0);
  const empty = points.every((p) => p.accepted + p.rejected + p.errors === 0);
  const title = `Requests per ${stepLabel}`;
  return (
    <figure className="space-y-2" data-testid="request-chart">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <p className="sr-only">
        {title}: {SERIES.map((s) => `${s.name} ${formatCount(total(s.key))}`).join(", ")}
      </p>
      {empty ? (
        <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-line px-4 text-center text-sm text-muted">
          No webhook requests in this range.
        </p>
      ) : (
        <div className="h-56 w-full" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              accessibilityLayer={false}
              data={points}
              margin={{ top: 4, right: 4, bottom: 0, left: -16 }}
            >
              <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="3 3" />
              <XAxis dataKey="label" {...AXIS} minTickGap={24} />
              <YAxis allowDecimals={false} {...AXIS} width={48} />
              <Tooltip {...TOOLTIP_STYLE} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {SERIES.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stackId="requests"
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
