"use client";
// Email by send hour or day: delivered, opened, clicked and bounced, as lines.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { hasAnyCount, type EmailChartPoint } from "@/lib/overview/charts";
import { formatCount } from "@/lib/overview/format";
import type { OverviewData } from "@/lib/queries/overview/get-overview";
import { AXIS, axisFormatters, ChartFrame, TOOLTIP_STYLE } from "./chart-frame";

const SERIES = [
  { key: "delivered", name: "Delivered", color: "var(--success)" },
  { key: "opened", name: "Opened", color: "var(--accent)" },
  { key: "clicked", name: "Clicked", color: "#8250df" },
  { key: "bounced", name: "Bounced", color: "var(--danger)" },
] as const;

export function EmailChart({ points, range }: { points: EmailChartPoint[]; range: OverviewData["range"] }) {
  const f = axisFormatters(range);
  const total = (k: (typeof SERIES)[number]["key"]) => points.reduce((s, p) => s + p[k], 0);
  const summary =
    `Email per ${range.granularity}: ` +
    SERIES.map((s) => `${s.name} ${formatCount(total(s.key))}`).join(", ");
  return (
    <ChartFrame title={`Email per ${range.granularity}`} summary={summary} empty={!hasAnyCount(points)}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          accessibilityLayer={false}
          data={points}
          margin={{ top: 4, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="3 3" />
          <XAxis dataKey="start" tickFormatter={f.tick} {...AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} {...AXIS} width={48} />
          <Tooltip
            labelFormatter={(v) => f.title(String(v))}
            {...TOOLTIP_STYLE}
            cursor={{ stroke: "var(--line)" }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              dot={points.length <= 14}
              type="linear"
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
