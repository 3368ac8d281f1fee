// The overview as the page and its refresh load it: the query checked like the API's (a bad range in a
// shared link shows the default view with a notice, never an error page), then getOverview.
import { getConfig } from "../../env";
import { getDatabase } from "../../db/runtime";
import { DEFAULT_PAGE_PRESET, InvalidRangeError } from "../../overview/range";
import type { OverviewQuery } from "../../overview/search-params";
import { metricsQuerySchema } from "../get-metrics-summary";
import { getOverview, type OverviewData } from "./get-overview";

export interface LoadedOverview {
  data: OverviewData;
  /** What was asked for, once checked: the refresh asks for the same. */
  query: OverviewQuery;
  /** Set when the address asked for something invalid and the default range is shown instead. */
  notice: string | null;
}

export async function loadOverview(raw: OverviewQuery): Promise<LoadedOverview> {
  const db = await getDatabase();
  const options = { timeZone: getConfig().DASHBOARD_TIMEZONE, defaultPreset: DEFAULT_PAGE_PRESET };
  const parsed = metricsQuerySchema.safeParse(raw);
  if (parsed.success) {
    try {
      return { data: await getOverview(db, parsed.data, options), query: parsed.data, notice: null };
    } catch (error) {
      if (!(error instanceof InvalidRangeError)) throw error;
      const fallback = { channel: parsed.data.channel, campaign: parsed.data.campaign };
      return {
        data: await getOverview(db, fallback, options),
        query: fallback,
        notice: `The range in the address is not valid (${error.path} ${error.message}): showing the last 7 days.`,
      };
    }
  }
  return {
    data: await getOverview(db, {}, options),
    query: {},
    notice: `The address has filters that are not valid (${parsed.error.issues
      .map((i) => i.path.join("."))
      .join(", ")}): showing the last 7 days of everything.`,
  };
}
