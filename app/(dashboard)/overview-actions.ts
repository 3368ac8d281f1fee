"use server";
// The overview's refresh while it is open (every minute, react-query): the same loader as the page.
import { loadOverview, type LoadedOverview } from "@/lib/queries/overview/load-overview";
import type { OverviewQuery } from "@/lib/overview/search-params";

export async function refreshOverview(query: OverviewQuery): Promise<LoadedOverview> {
  return loadOverview(query);
}
