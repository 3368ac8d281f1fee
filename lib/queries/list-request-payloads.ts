// The raw bodies behind a message's timeline, for support to open one on demand: one primary-key lookup
// for the requests shown, never a scan. Bodies are stored capped at WEBHOOK_MAX_BODY_BYTES.
import type { Database } from "../db/open";

export interface RequestPayload {
  contentType: string | null;
  /** Pretty-printed JSON, or form fields one per line, or the text as received. */
  text: string;
  truncated: boolean;
}

/** At most a timeline's worth of requests. */
const MAX_REQUESTS = 1_000;

export async function listRequestPayloads(
  db: Database,
  requestIds: string[],
): Promise<Record<string, RequestPayload>> {
  const ids = [...new Set(requestIds)].slice(0, MAX_REQUESTS);
  if (!ids.length) return {};
  const rows = await db.prisma.webhookRequest.findMany({
    where: { id: { in: ids } },
    select: { id: true, contentType: true, body: true, bodyTruncated: true },
  });
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { contentType: r.contentType, text: readable(r.body ?? "", r.contentType), truncated: r.bodyTruncated },
    ]),
  );
}

/** Twilio posts a form, Resend JSON: both shown as a person reads them. */
export function readable(body: string, contentType: string | null): string {
  if (/json/i.test(contentType ?? "")) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType ?? "")) {
    return [...new URLSearchParams(body)].map(([k, v]) => `${k} = ${v}`).join("\n");
  }
  return body;
}
