// One mapping from an ingest result to the HTTP answer, with one error body shape. Rejections get a
// generic message: the diagnosis is stored on the request row for the developer, not told to the caller.
import type { Outcome } from "./types";

export interface ErrorBody {
  success: false;
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: { issues?: ErrorBody["error"]["issues"]; requestId?: string; retryAfterSeconds?: number } = {},
): Response {
  const body: ErrorBody & { requestId?: string } = { success: false, error: { code, message } };
  if (extra.issues?.length) body.error.issues = extra.issues;
  if (extra.requestId) body.requestId = extra.requestId;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (extra.requestId) headers["X-Request-Id"] = extra.requestId;
  if (extra.retryAfterSeconds) headers["Retry-After"] = String(extra.retryAfterSeconds);
  return Response.json(body, { status, headers });
}

export function storedResponse(
  outcome: Outcome,
  requestId: string,
  duplicateOf: string | null,
  status = 200,
): Response {
  const body: Record<string, unknown> = { success: status < 300, outcome, requestId };
  if (duplicateOf) body.duplicateOf = duplicateOf;
  if (status >= 300)
    body.error = { code: "unknown_message", message: "No message is known for this provider id yet" };
  return Response.json(body, { status, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
}

export const REJECTION = {
  rejected_signature: {
    status: 401,
    code: "invalid_signature",
    message: "The request signature could not be verified",
  },
  too_large: {
    status: 413,
    code: "payload_too_large",
    message: "The request body is larger than this endpoint accepts",
  },
  unsupported_media_type: {
    status: 415,
    code: "unsupported_media_type",
    message: "Unsupported Content-Type for this endpoint",
  },
  invalid: {
    status: 400,
    code: "invalid_payload",
    message: "The request body is not a valid webhook payload",
  },
  rate_limited: {
    status: 429,
    code: "rate_limited",
    message: "Too many rejected requests from this source; slow down",
  },
  unavailable: {
    status: 503,
    code: "database_unavailable",
    message: "The event could not be stored right now; retry later",
  },
  shutting_down: { status: 503, code: "shutting_down", message: "This instance is shutting down; retry" },
  error: {
    status: 500,
    code: "internal_error",
    message: "An unexpected error occurred while storing the event",
  },
} as const;
