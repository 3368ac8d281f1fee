// The facts recorded about every request before any verification: where it came from, what it said,
// with every credential-bearing header redacted (signatures are replay material; cookies and keys too).
import { PEER_ADDRESS_HEADER, sourceAddress } from "../http/peer-address";

const REDACTED_HEADERS = new Set([
  "authorization",
  "cookie",
  "x-twilio-signature",
  "svix-signature",
  "webhook-signature",
  "x-api-key",
  "proxy-authorization",
  "resend-signature",
]);

export interface RequestFacts {
  sourceIp: string | null;
  method: string;
  query: string | null;
  contentType: string | null;
  headers: Record<string, string>;
}

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    // Written by our own HTTP guard, not sent by the client: it is the row's sourceIp already.
    if (name === PEER_ADDRESS_HEADER) return;
    // A signature's first characters help tell "no signature" from "wrong signature" without being usable.
    out[name] = REDACTED_HEADERS.has(name) ? `[redacted, ${value.length} chars]` : value;
  });
  return out;
}

/** The raw query string as received (without "?"), or null. Twilio signs it exactly. */
export function rawQuery(url: string): string | null {
  const q = url.indexOf("?");
  if (q < 0) return null;
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  return query.length ? query : null;
}

export function describeRequest(request: Request, trustedProxyHops: number): RequestFacts {
  return {
    sourceIp: sourceAddress(request.headers, trustedProxyHops),
    method: request.method,
    query: rawQuery(request.url),
    contentType: request.headers.get("content-type"),
    headers: redactHeaders(request.headers),
  };
}
