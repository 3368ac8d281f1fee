// Everything the operations page shows, for one range: the chart's points and the cards from the request
// rollup, each provider's last request, this instance's 503 count (memory, not the database), and the
// configuration check with the webhook URLs.
import { getConfig } from "../../env";
import { getDatabase } from "../../db/runtime";
import { readUnavailableCount, type UnavailableCount } from "../../ingest/unavailable-count";
import { resolveOperationsRange, type OperationsPreset, type OperationsRange } from "../../operations/range";
import { shapeRequestSeries, type RequestPoint } from "../../operations/series";
import { summarizeRequests, type OperationsSummary } from "../../operations/summary";
import { getConfigurationOverview, type ConfigurationOverview } from "../get-configuration-overview";
import { readProviderActivity, type ProviderActivity } from "./read-provider-activity";
import { readRollupTotals, readStepCounts } from "./read-request-rollup";

export interface OperationsData {
  range: OperationsRange;
  generatedAt: Date;
  summary: OperationsSummary;
  points: RequestPoint[];
  providers: ProviderActivity[];
  unavailable: UnavailableCount;
  configuration: ConfigurationOverview;
}

export async function getOperations(preset: OperationsPreset, now = new Date()): Promise<OperationsData> {
  const db = await getDatabase();
  const range = resolveOperationsRange(preset, now);
  const [steps, totals, providers] = await Promise.all([
    readStepCounts(db, range),
    readRollupTotals(db, range),
    readProviderActivity(db, now),
  ]);
  const minutes = (range.until.getTime() - range.from.getTime()) / 60_000;
  return {
    range,
    generatedAt: now,
    summary: summarizeRequests(totals.totals, totals, minutes),
    points: shapeRequestSeries(range, steps, getConfig().DASHBOARD_TIMEZONE),
    providers,
    unavailable: readUnavailableCount(),
    configuration: getConfigurationOverview(),
  };
}
