"use client";
// One channel's numbers: each with its change against the previous period (green when it moved the good
// way) and, for rates, the definition (docs/metrics.md) in a tooltip; the channel's chart below.
import { Info } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip } from "@/components/ui/tooltip";
import { COUNTED_BY } from "@/lib/overview/definitions";
import { formatChange, formatCount, formatRate } from "@/lib/overview/format";
import type { StatCard } from "@/lib/overview/stat-cards";
import type { OverviewData } from "@/lib/queries/overview/get-overview";
import { cn } from "@/lib/ui/cn";

const TITLES = { sms: "SMS", email: "Email" } as const;

function tone(card: StatCard): string {
  if (!card.change || card.change.value === 0) return "text-muted";
  const up = card.change.value > 0;
  return up === card.higherIsBetter ? "text-success" : "text-danger";
}

function previousLength(range: OverviewData["range"]): string {
  const hours = (Date.parse(range.until) - Date.parse(range.from)) / 3_600_000;
  if (hours <= 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

export function StatCards({
  channel,
  cards,
  range,
  children,
}: {
  channel: "sms" | "email";
  cards: StatCard[];
  range: OverviewData["range"];
  children?: ReactNode;
}) {
  const headingId = `${channel}-heading`;
  return (
    <Card aria-labelledby={headingId} data-testid={`${channel}-section`}>
      <CardHeader>
        <CardTitle id={headingId}>{TITLES[channel]}</CardTitle>
        <CardDescription>
          {COUNTED_BY} Changes compare with the previous {previousLength(range)}.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-[repeat(auto-fit,minmax(8.5rem,1fr))]">
          {cards.map((card) => (
            <div key={card.id} className="rounded-md bg-surface-muted px-3 py-2" data-testid={card.id}>
              <dt className="flex items-center gap-1 text-xs text-muted">
                {card.label}
                {card.definition && (
                  <Tooltip content={card.definition}>
                    <button
                      type="button"
                      className="rounded-sm text-muted hover:text-fg"
                      aria-label={`${TITLES[channel]} ${card.label.toLowerCase()}: definition`}
                    >
                      <Info aria-hidden className="size-3.5" />
                    </button>
                  </Tooltip>
                )}
              </dt>
              <dd>
                <span className="block text-xl font-semibold tabular-nums" data-testid={`${card.id}-value`}>
                  {card.kind === "rate" ? formatRate(card.value) : formatCount(card.value ?? 0)}
                </span>
                <span
                  className={cn("block text-xs tabular-nums", tone(card))}
                  data-testid={`${card.id}-change`}
                >
                  {formatChange(card.change)}
                </span>
              </dd>
            </div>
          ))}
        </dl>
        {children}
      </CardContent>
    </Card>
  );
}
