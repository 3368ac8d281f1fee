"use client";
// The range (presets and a custom range) and the channel and campaign filters, all in the URL.
import type { OverviewData } from "@/lib/queries/overview/get-overview";
import { formatRange } from "@/lib/overview/labels";
import { RANGE_PRESETS, type RangePreset } from "@/lib/overview/range";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/ui/cn";
import { CustomRangePicker } from "./custom-range-picker";
import { useOverviewParams } from "./use-overview-params";

const PRESET_LABELS: Record<RangePreset, string> = {
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
  "90d": "90 d",
};
const PRESET_NAMES: Record<RangePreset, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

export function RangeControls({ data }: { data: OverviewData }) {
  const { setParams, pending } = useOverviewParams();
  const active = data.range.preset;
  const campaigns = data.campaigns.map((c) => c.campaign).filter(Boolean);
  if (data.filters.campaign && !campaigns.includes(data.filters.campaign))
    campaigns.unshift(data.filters.campaign);

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:flex-row sm:flex-wrap sm:items-center">
      <div role="group" aria-label="Range" className="flex flex-wrap items-center gap-1">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={active === preset}
            onClick={() => void setParams({ range: preset, from: null, until: null })}
            className={cn(
              "h-8 rounded-md px-3 text-sm font-medium",
              active === preset ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-muted",
            )}
          >
            {PRESET_LABELS[preset]}
            <span className="sr-only"> ({PRESET_NAMES[preset].toLowerCase()})</span>
          </button>
        ))}
        <CustomRangePicker range={data.range} active={active === null} />
      </div>
      <p className="text-sm text-muted sm:mr-auto" data-testid="range-label">
        <span className="text-fg">{formatRange(data.range)}</span>{" "}
        <span className="whitespace-nowrap">· days in {data.range.timeZone}</span>
        {pending && (
          <span className="ml-2" aria-live="polite">
            Updating…
          </span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Channel</span>
          <Select
            value={data.filters.channel ?? ""}
            onChange={(e) => void setParams({ channel: (e.target.value || null) as "sms" | "email" | null })}
          >
            <option value="">SMS and email</option>
            <option value="sms">SMS</option>
            <option value="email">Email</option>
          </Select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Campaign</span>
          <Select
            className="max-w-48"
            value={data.filters.campaign ?? ""}
            onChange={(e) => void setParams({ campaign: e.target.value || null })}
          >
            <option value="">All campaigns</option>
            {campaigns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </label>
      </div>
    </div>
  );
}
