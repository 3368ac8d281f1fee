// The overview's state in the URL, with the metrics API's names (from, until, channel, campaign, range),
// so a view can be shared and reloaded and the same query string works on GET /api/metrics/summary.
// Parsers from nuqs/server are plain functions: the page (server) and the filters (client) share them.
import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { RANGE_PRESETS } from "./range";

export const CHANNELS = ["sms", "email"] as const;

export const overviewSearchParams = {
  range: parseAsStringLiteral(RANGE_PRESETS),
  from: parseAsString,
  until: parseAsString,
  channel: parseAsStringLiteral(CHANNELS),
  campaign: parseAsString,
};

export interface OverviewQuery {
  range?: (typeof RANGE_PRESETS)[number];
  from?: string;
  until?: string;
  channel?: (typeof CHANNELS)[number];
  campaign?: string;
}

/** Drops empty values: what reaches the query layer (and the refresh) has no nulls. */
export function toOverviewQuery(values: {
  range: OverviewQuery["range"] | null;
  from: string | null;
  until: string | null;
  channel: OverviewQuery["channel"] | null;
  campaign: string | null;
}): OverviewQuery {
  const q: OverviewQuery = {};
  if (values.range) q.range = values.range;
  if (values.from) q.from = values.from;
  if (values.until) q.until = values.until;
  if (values.channel) q.channel = values.channel;
  if (values.campaign?.trim()) q.campaign = values.campaign.trim();
  return q;
}
