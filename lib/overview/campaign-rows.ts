// The campaign table: each campaign's volume and rates over the range, with the same definitions as the
// summary (summarize() from the query layer), busiest first.
import { summarize, type ChannelSummary } from "../queries/get-metrics-summary";

export interface CampaignCount {
  campaign: string;
  channel: string;
  metric: string;
  count: number;
}

export interface CampaignRow {
  /** "" for messages without a campaign. */
  campaign: string;
  total: number;
  sms: ChannelSummary | null;
  email: ChannelSummary | null;
}

export function shapeCampaignRows(counts: readonly CampaignCount[], limit = 50): CampaignRow[] {
  const byCampaign = new Map<string, { sms: Record<string, number>; email: Record<string, number> }>();
  for (const c of counts) {
    if (c.channel !== "sms" && c.channel !== "email") continue;
    const entry = byCampaign.get(c.campaign) ?? { sms: {}, email: {} };
    entry[c.channel][c.metric] = (entry[c.channel][c.metric] ?? 0) + c.count;
    byCampaign.set(c.campaign, entry);
  }
  const rows = [...byCampaign.entries()].map(([campaign, { sms, email }]): CampaignRow => {
    const smsTotal = sms.total ?? 0;
    const emailTotal = email.total ?? 0;
    return {
      campaign,
      total: smsTotal + emailTotal,
      sms: smsTotal > 0 ? summarize("sms", { total: 0, ...sms }) : null,
      email: emailTotal > 0 ? summarize("email", { total: 0, ...email }) : null,
    };
  });
  return rows
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || a.campaign.localeCompare(b.campaign))
    .slice(0, limit);
}
