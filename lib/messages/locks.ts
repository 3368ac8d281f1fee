// Serializes the two writers that meet on a provider id: an event arriving for it, and the sender
// registering it. Whichever commits second sees the other's row, so an event is never left unmatched
// because its message was registered at the same instant. Transaction-scoped advisory locks, taken in
// one global order (sorted), so two batches never deadlock.
import type { TransactionClient } from "./tx";

export async function lockProviderIds(
  tx: TransactionClient,
  ids: Array<{ provider: string; externalId: string }>,
): Promise<void> {
  if (!ids.length) return;
  const keys = [...new Set(ids.map((i) => `${i.provider}:${i.externalId}`))].sort();
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS sorted`,
    keys,
  );
}
