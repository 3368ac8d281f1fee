// The live log's filters, as they travel in the page's URL and the stream's query string, and the one
// test both the stream (in memory, row by row) and the stored-page query (as SQL) apply.
import { z } from "zod";
import { OUTCOMES } from "../ingest/outcomes";
import { PROVIDERS } from "../providers/types";

const optional = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

export const liveFilterSchema = z.object({
  provider: z.enum(PROVIDERS).optional().catch(undefined),
  outcome: z.enum(OUTCOMES).optional().catch(undefined),
  eventType: optional.catch(undefined),
  /** An external (provider) id or a request id, matched exactly. */
  q: optional.catch(undefined),
});

export interface LiveFilter {
  provider?: (typeof PROVIDERS)[number];
  outcome?: (typeof OUTCOMES)[number];
  eventType?: string;
  q?: string;
}

/** Unknown or malformed values are dropped, never an error: a hand-edited URL still shows the log. */
export function parseLiveFilter(params: URLSearchParams | Record<string, string | undefined>): LiveFilter {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed: LiveFilter = liveFilterSchema.parse({
    provider: entries.provider || undefined,
    outcome: entries.outcome || undefined,
    eventType: entries.eventType || undefined,
    q: entries.q || undefined,
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
}

export interface FilterableRow {
  id: string;
  provider: string;
  outcome: string;
  eventType: string | null;
  externalId: string | null;
}

export function matchesLiveFilter(row: FilterableRow, filter: LiveFilter): boolean {
  if (filter.provider && row.provider !== filter.provider) return false;
  if (filter.outcome && row.outcome !== filter.outcome) return false;
  if (filter.eventType && row.eventType !== filter.eventType) return false;
  if (filter.q && row.externalId !== filter.q && row.id !== filter.q.toLowerCase()) return false;
  return true;
}

export function isFiltered(filter: LiveFilter): boolean {
  return Boolean(filter.provider || filter.outcome || filter.eventType || filter.q);
}
