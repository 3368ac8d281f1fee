"use client";
// Each campaign's volume and rates over the range; choosing one (the row, or its name for the keyboard)
// filters the whole page, choosing it again shows every campaign.
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
          <Table data-testid="campaign-table">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Campaign</TableHeaderCell>
                {showSms && <TableHeaderCell className={NUM}>SMS sent</TableHeaderCell>}
                {showSms && <TableHeaderCell className={NUM}>SMS delivered</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Emails sent</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Delivered</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Opened</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Clicked</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Bounced</TableHeaderCell>}
                {showEmail && <TableHeaderCell className={NUM}>Complaints</TableHeaderCell>}
              </TableRow>
            </TableHead>
            <TableBody>
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
                      named && "cursor-pointer hover:bg-surface-muted",
                      current && "bg-accent-soft",
                    )}
                  >
                    <TableCell className="font-medium">
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
                    {showSms && (
                      <TableCell className={NUM}>{formatCount(row.sms?.counts.total ?? 0)}</TableCell>
                    )}
                    {showSms && (
                      <TableCell className={NUM}>{formatRate(row.sms?.rates.deliveryRate ?? null)}</TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>{formatCount(row.email?.counts.total ?? 0)}</TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>
                        {formatRate(row.email?.rates.deliveryRate ?? null)}
                      </TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>{formatRate(row.email?.rates.openRate ?? null)}</TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>{formatRate(row.email?.rates.clickRate ?? null)}</TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>{formatRate(row.email?.rates.bounceRate ?? null)}</TableCell>
                    )}
                    {showEmail && (
                      <TableCell className={NUM}>
                        {formatRate(row.email?.rates.complaintRate ?? null)}
                      </TableCell>
                    )}
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
