"use client";
// The range presets, in the URL (?range=): not shallow, so the server renders every range's first paint.
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { operationsSearchParams } from "@/lib/operations/search-params";
import { OPERATIONS_PRESETS, type OperationsPreset } from "@/lib/operations/range";
import { cn } from "@/lib/ui/cn";

const LABELS: Record<OperationsPreset, { short: string; long: string }> = {
  "1h": { short: "1 h", long: "last hour" },
  "24h": { short: "24 h", long: "last 24 hours" },
  "7d": { short: "7 d", long: "last 7 days" },
};

export function RangePicker({ active }: { active: OperationsPreset }) {
  const [pending, startTransition] = useTransition();
  const [, setParams] = useQueryStates(operationsSearchParams, {
    shallow: false,
    history: "push",
    startTransition,
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div
        role="group"
        aria-label="Range"
        className="flex items-center gap-1 rounded-lg border border-line bg-surface p-1"
      >
        {OPERATIONS_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={active === preset}
            onClick={() => void setParams({ range: preset })}
            className={cn(
              "h-8 rounded-md px-3 text-sm font-medium",
              active === preset ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-muted",
            )}
          >
            {LABELS[preset].short}
            <span className="sr-only"> ({LABELS[preset].long})</span>
          </button>
        ))}
      </div>
      {pending && (
        <span className="text-sm text-muted" aria-live="polite">
          Updating…
        </span>
      )}
    </div>
  );
}
