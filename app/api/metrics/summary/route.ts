import { apiRoute, parseWith, searchParams, READERS_WITH_MARKETING } from "@/lib/api/handler";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { InvalidRangeError } from "@/lib/overview/range";
import { getMetricsSummary, metricsQuerySchema } from "@/lib/queries/get-metrics-summary";

export const dynamic = "force-dynamic";

// Counts and rates over messages by send time (docs/metrics.md): what the overview and scripts share.
export const GET = apiRoute(async ({ db, request }) => {
  const query = parseWith(metricsQuerySchema, searchParams(request));
  try {
    return await getMetricsSummary(db, query, { timeZone: getConfig().DASHBOARD_TIMEZONE });
  } catch (error) {
    if (!(error instanceof InvalidRangeError)) throw error;
    throw new AppError("invalid_request", "The request is not valid", {
      issues: [{ path: error.path, message: error.message }],
    });
  }
}, READERS_WITH_MARKETING);
