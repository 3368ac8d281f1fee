// Svix delivers Resend webhooks with `svix-*` headers; the Standard Webhooks spec names the same three
// headers `webhook-*`. We accept both so a proxy or a future unbranded sender keeps working.

export type HeaderInput = Headers | Record<string, string | null | undefined>;

export interface DeliveryHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

/** Which header name each value came from, so a rejection can name the header a developer should inspect. */
export type DeliveryHeaderSources = DeliveryHeaders;

const FIELDS = ["id", "timestamp", "signature"] as const;

function lookup(headers: HeaderInput, name: string): string | null {
  if (headers instanceof Headers) return nonEmpty(headers.get(name));
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return nonEmpty(value);
  }
  return null;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Reads a header case-insensitively from a Fetch `Headers` or a plain record; blank counts as absent. */
export function readHeader(headers: HeaderInput, name: string): string | null {
  return lookup(headers, name.toLowerCase());
}

/** Per field, `svix-*` wins over `webhook-*` (the same precedence as the svix SDK). */
export function readDeliveryHeaders(headers: HeaderInput): {
  values: DeliveryHeaders;
  sources: DeliveryHeaderSources;
} {
  const values: DeliveryHeaders = { id: null, timestamp: null, signature: null };
  const sources: DeliveryHeaderSources = { id: null, timestamp: null, signature: null };
  for (const field of FIELDS) {
    for (const name of [`svix-${field}`, `webhook-${field}`]) {
      const value = lookup(headers, name);
      if (value !== null) {
        values[field] = value;
        sources[field] = name;
        break;
      }
    }
  }
  return { values, sources };
}

/** The delivery's id, timestamp and signature; `id` is the svix-id that retries share (dedupe key). */
export function getDeliveryHeaders(headers: HeaderInput): DeliveryHeaders {
  return readDeliveryHeaders(headers).values;
}
