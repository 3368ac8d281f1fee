// A message's status as a badge that says it in words; hovering or focusing it shows the full meaning.
// The tooltip is CSS only (no client component per row), so a page of 50 messages stays cheap to render;
// screen readers get the meaning as part of the badge's text.
import { Badge } from "@/components/ui/badge";
import { describeStatus, STUCK_MEANING } from "@/lib/status/status-meaning";

export function StatusBadge({
  channel,
  status,
  stuck = false,
  align = "start",
}: {
  channel: string;
  status: string;
  stuck?: boolean;
  /** Which edge of the badge the tooltip lines up with: "end" near the right edge of the page. */
  align?: "start" | "end";
}) {
  const meaning = describeStatus(channel, status);
  const text = stuck ? `${meaning.meaning} ${STUCK_MEANING}` : meaning.meaning;
  return (
    <span className="group relative inline-flex">
      <span tabIndex={0} className="cursor-help rounded-full" data-testid="status-badge">
        <Badge tone={stuck ? "warning" : meaning.tone}>
          {meaning.label}
          {stuck && <span> · stuck</span>}
        </Badge>
        <span className="sr-only">: {text}</span>
      </span>
      <span
        aria-hidden
        className={`pointer-events-none absolute bottom-full z-50 mb-1.5 hidden w-64 rounded-md border border-line bg-fg px-2.5 py-1.5 text-xs text-bg shadow-md group-focus-within:block group-hover:block ${align === "end" ? "right-0" : "left-0"}`}
      >
        {text}
      </span>
    </span>
  );
}
