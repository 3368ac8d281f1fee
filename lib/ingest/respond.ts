// One mapping from an ingest result to the HTTP answer; failures go through the one error responder
// (lib/errors/error-response.ts). Rejections get a generic message: the diagnosis is stored on the
// request row for the developer, not told to the caller.
import { AppError, HTTP_STATUS_BY_CODE, type ErrorCode, type ErrorIssue } from "../errors/app-error";
import { errorResponse } from "../errors/error-response";
import type { Outcome } from "./types";

/** The answer to a request that ends in `kind`; the request id travels in the body and the header. */
export function rejectionResponse(
  kind: keyof typeof REJECTION,
  extra: { issues?: ErrorIssue[]; requestId?: string; retryAfterSeconds?: number } = {},
): Response {
  const { code, message } = REJECTION[kind];
  return errorResponse(new AppError(code, message, { issues: extra.issues }), {
    requestId: extra.requestId,
    requestIdInBody: true,
    retryAfterSeconds: extra.retryAfterSeconds,
  });
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

function rejection<C extends ErrorCode>(code: C, message: string) {
  return { status: HTTP_STATUS_BY_CODE[code], code, message } as const;
}

export const REJECTION = {
  rejected_signature: rejection("invalid_signature", "The request signature could not be verified"),
  too_large: rejection("payload_too_large", "The request body is larger than this endpoint accepts"),
  unsupported_media_type: rejection("unsupported_media_type", "Unsupported Content-Type for this endpoint"),
  body_timeout: rejection("body_timeout", "The request body was not received in time"),
  aborted: rejection("request_aborted", "The request body was not received completely"),
  invalid: rejection("invalid_payload", "The request body is not a valid webhook payload"),
  rate_limited: rejection("rate_limited", "Too many rejected requests from this source; slow down"),
  unavailable: rejection("database_unavailable", "The event could not be stored right now; retry later"),
  shutting_down: rejection("shutting_down", "This instance is shutting down; retry"),
  error: rejection("internal_error", "An unexpected error occurred while storing the event"),
} as const;
