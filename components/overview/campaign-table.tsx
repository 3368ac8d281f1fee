"use client";
// Each campaign's volume and rates over the range; choosing one (the row, or its name for the keyboard)
// filters the whole page, choosing it again shows every campaign. On a phone each campaign is a block of
// labelled numbers instead of a row of nine columns that would scroll sideways.
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { CampaignRow } from "@/lib/overview/campaign-rows";
import { formatCount, formatRate } from "@/lib/overview/format";
import { cn } from "@/lib/ui/cn";
import { useOverviewParams } from "./use-overview-params";

const NUM = "text-right tabular-nums whitespace-nowrap";
/** A number's cell: a column of the table from sm up, a "label value" pair in the campaign's block below. */
const NUM_CELL = `${NUM} max-sm:p-0 max-sm:text-left`;

/** The column's name, said again inside the cell where the phone layout has no header row. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="mr-1 text-muted sm:hidden">{children}</span>;
}

export function CampaignTable({
  rows,
  selected,
  channel,
}: {
  rows: CampaignRow[];
  selected: string | null;
  channel: "sms" | "email" | null;
}) {
  const { setParams } = useOverviewParams();
  const showSms = channel !== "email";
  const showEmail = channel !== "sms";
  const choose = (campaign: string) => void setParams({ campaign: campaign === selected ? null : campaign });

  return (
    <Card aria-labelledby="campaigns-heading">
      <CardHeader>
        <CardTitle id="campaigns-heading">Campaigns</CardTitle>
        <CardDescription>
          {selected
            ? "Showing one campaign; choose it again to see all."
            : "Choose a campaign to filter the page."}
        </CardDescription>
      </CardHeader>
      {rows.length === 0 ? (
        <p className="px-5 pb-4 text-sm text-muted">No messages sent in this range.</p>
      ) : (
        <TableContainer className="pb-2">
          <Table data-testid="campaign-table" className="max-sm:block">
            <TableHead className="max-sm:sr-only">
              <TableRow>
                <TableHeaderCell>Campaign</TableHeaderCell>
                {COLUMNS.filter((c) => (c.channel === "sms" ? showSms : showEmail)).map((c) => (
                  <TableHeaderCell key={c.label} className="text-right">
                    {c.label}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody className="max-sm:block">
              {rows.map((row) => {
                const named = row.campaign !== "";
                const current = row.campaign === selected;
                return (
                  <TableRow
                    key={row.campaign}
                    data-testid="campaign-row"
                    data-campaign={row.campaign}
                    onClick={named ? () => choose(row.campaign) : undefined}
                    className={cn(
                      "max-sm:flex max-sm:flex-wrap max-sm:gap-x-4 max-sm:gap-y-0.5 max-sm:px-3 max-sm:py-2 max-sm:text-xs",
                      named && "cursor-pointer hover:bg-surface-muted",
                      current && "bg-accent-soft",
                    )}
                  >
                    <TableCell className="font-medium max-sm:w-full max-sm:p-0 max-sm:pb-0.5 max-sm:text-sm">
                      {named ? (
                        <button
                          type="button"
                          aria-pressed={current}
                          onClick={(e) => {
                            e.stopPropagation();
                            choose(row.campaign);
                          }}
                          className="text-left whitespace-nowrap text-accent underline-offset-2 hover:underline"
                        >
                          {row.campaign}
                        </button>
                      ) : (
                        <span className="text-muted">No campaign</span>
                      )}
                    </TableCell>
                    {COLUMNS.filter((c) => (c.channel === "sms" ? showSms : showEmail)).map((c) => (
                      <TableCell key={c.label} className={NUM_CELL}>
                        <PhoneLabel>{c.label}</PhoneLabel>
                        {c.value(row)}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Card>
  );
}

/** The numbers of a campaign: counts say "sent", rates say which rate (docs/metrics.md defines each). */
const COLUMNS: Array<{ channel: "sms" | "email"; label: string; value: (row: CampaignRow) => string }> = [
  { channel: "sms", label: "SMS sent", value: (r) => formatCount(r.sms?.counts.total ?? 0) },
  { channel: "sms", label: "SMS delivery rate", value: (r) => formatRate(r.sms?.rates.deliveryRate ?? null) },
  { channel: "email", label: "Emails sent", value: (r) => formatCount(r.email?.counts.total ?? 0) },
  {
    channel: "email",
    label: "Email delivery rate",
    value: (r) => formatRate(r.email?.rates.deliveryRate ?? null),
  },
  { channel: "email", label: "Open rate", value: (r) => formatRate(r.email?.rates.openRate ?? null) },
  { channel: "email", label: "Click rate", value: (r) => formatRate(r.email?.rates.clickRate ?? null) },
  { channel: "email", label: "Bounce rate", value: (r) => formatRate(r.email?.rates.bounceRate ?? null) },
  {
    channel: "email",
    label: "Complaint rate",
    value: (r) => formatRate(r.email?.rates.complaintRate ?? null),
  },
];
