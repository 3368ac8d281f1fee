import { apiRoute, parseWith, searchParams } from "@/lib/api/handler";
import { getConfig } from "@/lib/env";
import { listSuppressions, listSuppressionsQuerySchema } from "@/lib/queries/list-suppressions";
import { resolveDefaultCountry } from "@/lib/search/search-settings";

export const dynamic = "force-dynamic";

// The suppression list (?q=phone or email, ?state=active|lifted|all, ?reason=, ?channel=, ?cursor=), newest first.
export const GET = apiRoute(async ({ db, request }) =>
  listSuppressions(
    db,
    parseWith(listSuppressionsQuerySchema, searchParams(request)),
    resolveDefaultCountry(getConfig()),
  ),
);
