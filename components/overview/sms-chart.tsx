"use client";
// SMS by send hour or day: delivered, undelivered and failed, stacked.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { hasAnyCount, type SmsChartPoint } from "@/lib/overview/charts";
import { formatCount } from "@/lib/overview/format";
import type { OverviewData } from "@/lib/queries/overview/get-overview";
import { AXIS, axisFormatters, ChartFrame, TOOLTIP_STYLE } from "./chart-frame";

const SERIES = [
  { key: "delivered", name: "Delivered", color: "var(--success)" },
  { key: "undelivered", name: "Undelivered", color: "var(--warning)" },
  { key: "failed", name: "Failed", color: "var(--danger)" },
] as const;

export function SmsChart({ points, range }: { points: SmsChartPoint[]; range: OverviewData["range"] }) {
  const f = axisFormatters(range);
  const total = (k: (typeof SERIES)[number]["key"]) => points.reduce((s, p) => s + p[k], 0);
  const summary =
    `SMS per ${range.granularity}: ` + SERIES.map((s) => `${s.name} ${formatCount(total(s.key))}`).join(", ");
  return (
    <ChartFrame title={`SMS per ${range.granularity}`} summary={summary} empty={!hasAnyCount(points)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={points}
          margin={{ top: 4, right: 4, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="3 3" />
          <XAxis dataKey="start" tickFormatter={f.tick} {...AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} {...AXIS} width={48} />
          <Tooltip labelFormatter={(v) => f.title(String(v))} {...TOOLTIP_STYLE} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="sms"
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
