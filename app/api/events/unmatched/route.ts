import { apiRoute, parseWith, searchParams } from "@/lib/api/handler";
import { getConfig } from "@/lib/env";
import { listUnmatchedEvents, unmatchedQuerySchema } from "@/lib/queries/list-unmatched-events";
import { resolveDefaultCountry } from "@/lib/search/search-settings";

export const dynamic = "force-dynamic";

// Events for provider ids no registered message claims yet (?q=, ?externalId=, ?to=, ?provider=, ?before=).
export const GET = apiRoute(async ({ db, request }) =>
  listUnmatchedEvents(
    db,
    parseWith(unmatchedQuerySchema, searchParams(request)),
    resolveDefaultCountry(getConfig()),
  ),
);
