"use client";
// What every overview chart shares: a figure with a caption and a text summary for screen readers,
// a fixed height (no layout shift when data arrives), and the tick/tooltip formats in the time zone.
import type { ReactNode } from "react";
import { formatPointTitle, formatTick } from "@/lib/overview/labels";
import type { OverviewData } from "@/lib/queries/overview/get-overview";

export function ChartFrame({
  title,
  summary,
  empty,
  children,
}: {
  title: string;
  summary: string;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <p className="sr-only">{summary}</p>
      {empty ? (
        <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-line text-sm text-muted">
          No messages sent in this range.
        </p>
      ) : (
        <div className="h-56 w-full" aria-hidden>
          {children}
        </div>
      )}
    </figure>
  );
}

export function axisFormatters(range: OverviewData["range"]) {
  return {
    tick: (iso: string) => formatTick(iso, range.granularity, range.timeZone),
    title: (iso: string) => formatPointTitle(iso, range.granularity, range.timeZone),
  };
}

/** Shared axis and tooltip styling, in the theme's colours (light and dark). */
export const AXIS = { stroke: "var(--muted)", fontSize: 12, tickLine: false } as const;
export const TOOLTIP_STYLE = {
  contentStyle: {
    background: "var(--surface)",
    border: "1px solid var(--line)",
    borderRadius: 6,
    color: "var(--fg)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--fg)", fontWeight: 600 },
  cursor: { fill: "var(--surface-muted)" },
} as const;
