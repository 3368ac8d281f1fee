// A stored webhook request as a replay needs it: everything the pipeline read from the original request,
// including the signature headers kept for rejected ones. Internal to lib/replay: never sent to a page.
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";

const select = {
  id: true,
  receivedAt: true,
  provider: true,
  outcome: true,
  reason: true,
  verified: true,
  method: true,
  path: true,
  query: true,
  contentType: true,
  headers: true,
  body: true,
  bodyBytes: true,
  bodyTruncated: true,
  summaryCount: true,
  signatureHeaders: true,
  bodyRemovedAt: true,
} satisfies Prisma.WebhookRequestSelect;

export type StoredRequest = Omit<
  Prisma.WebhookRequestGetPayload<{ select: typeof select }>,
  "headers" | "signatureHeaders"
> & {
  headers: Record<string, string>;
  signatureHeaders: Record<string, string> | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = Prisma.WebhookRequestGetPayload<{ select: typeof select }>;

function toStored(row: Row): StoredRequest {
  return {
    ...row,
    headers: (row.headers as Record<string, string> | null) ?? {},
    signatureHeaders: (row.signatureHeaders as Record<string, string> | null) ?? null,
  };
}

export async function loadStoredRequest(db: Database, id: string): Promise<StoredRequest | null> {
  if (!UUID.test(id)) return null;
  const row = await db.prisma.webhookRequest.findUnique({ where: { id: id.toLowerCase() }, select });
  return row ? toStored(row) : null;
}

/** Several at once, by primary key (a bulk run's chunk); ids no longer stored are left out. */
export async function loadStoredRequests(db: Database, ids: string[]): Promise<Map<string, StoredRequest>> {
  const rows = await db.prisma.webhookRequest.findMany({ where: { id: { in: ids } }, select });
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}
