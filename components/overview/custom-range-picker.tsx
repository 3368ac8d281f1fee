"use client";
// A custom range: whole days picked on a calendar (react-day-picker, in the dashboard's time zone) inside
// a Radix popover. The URL gets days (from=2026-11-01&until=2026-11-08, until exclusive), as the API takes.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { CalendarDays } from "lucide-react";
import { Popover } from "radix-ui";
import { useState } from "react";
import { DayPicker, type DateRange } from "react-day-picker";
import "react-day-picker/style.css";
import { Button } from "@/components/ui/button";
import { toDayParam } from "@/lib/overview/labels";
import { cn } from "@/lib/ui/cn";
import { useOverviewParams } from "./use-overview-params";

export function CustomRangePicker({
  range,
  active,
}: {
  range: { from: string; until: string; timeZone: string };
  active: boolean;
}) {
  const { setParams } = useOverviewParams();
  const [open, setOpen] = useState(false);
  const tz = range.timeZone;
  const [selected, setSelected] = useState<DateRange | undefined>(() => ({
    from: new TZDate(Date.parse(range.from), tz),
    to: new TZDate(Date.parse(range.until) - 1, tz),
  }));
  const [today] = useState(() => new TZDate(Date.now(), tz));

  const apply = () => {
    if (!selected?.from) return;
    const last = selected.to ?? selected.from;
    void setParams({
      range: null,
      from: toDayParam(selected.from, tz),
      until: toDayParam(addDays(new TZDate(last.getTime(), tz), 1), tz),
    });
    setOpen(false);
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-pressed={active}
          className={cn(
            "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium",
            active ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-muted",
          )}
        >
          <CalendarDays aria-hidden className="size-4" />
          Custom
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 rounded-lg border border-line bg-surface p-3 text-fg shadow-lg"
          aria-label="Choose a custom range"
        >
          <DayPicker
            mode="range"
            timeZone={tz}
            selected={selected}
            onSelect={setSelected}
            disabled={{ after: today }}
            endMonth={today}
            defaultMonth={selected?.from}
            className="overview-day-picker"
          />
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button size="sm" onClick={apply} disabled={!selected?.from}>
              Show this range
            </Button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
