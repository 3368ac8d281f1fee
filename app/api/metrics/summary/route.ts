import { apiRoute, parseWith, searchParams } from "@/lib/api/handler";
import { getMetricsSummary, metricsQuerySchema } from "@/lib/queries/get-metrics-summary";

export const dynamic = "force-dynamic";

// Counts and rates over messages by send time (docs/metrics.md): what the dashboard and scripts share.
export const GET = apiRoute(async ({ db, request }) =>
  getMetricsSummary(db, parseWith(metricsQuerySchema, searchParams(request))),
);
