"use server";
// The overview's refresh while it is open (every minute, react-query): the same loader as the page.
import { requirePageUser } from "@/lib/auth/require-page-user";
import { loadOverview, type LoadedOverview } from "@/lib/queries/overview/load-overview";
import type { OverviewQuery } from "@/lib/overview/search-params";

export async function refreshOverview(query: OverviewQuery): Promise<LoadedOverview> {
  // A server action is an endpoint of its own: it checks the session like the page does.
  await requirePageUser();
  return loadOverview(query);
}
