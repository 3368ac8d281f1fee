// A small status label. The tone carries colour only as a hint: the text itself must say the state.
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

const TONES = {
  neutral: "bg-surface-muted text-fg border-line",
  info: "bg-accent-soft text-fg border-accent/40",
  success: "bg-success-soft text-fg border-success/40",
  warning: "bg-warning-soft text-fg border-warning/40",
  danger: "bg-danger-soft text-fg border-danger/40",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({
  tone = "neutral",
  className,
  ...props
}: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
