import { apiRoute, parseWith, searchParams } from "@/lib/api/handler";
import { listUnmatchedEvents, unmatchedQuerySchema } from "@/lib/queries/list-unmatched-events";

export const dynamic = "force-dynamic";

// Events for provider ids no registered message claims yet (?externalId=, ?to=, ?provider=, ?before=).
export const GET = apiRoute(async ({ db, request }) =>
  listUnmatchedEvents(db, parseWith(unmatchedQuerySchema, searchParams(request))),
);
