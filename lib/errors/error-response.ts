// The one function that turns an error into an answer, for the API and the webhooks alike:
// `{"success": false, "error": {code, message, issues?}}` with the code's status, never cached.
// Anything that is not an AppError is a bug: the caller gets a generic 500 and the details stay in the log.
import { AppError, type ErrorCode, type ErrorIssue } from "./app-error";

export interface ErrorBody {
  success: false;
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

export interface ErrorResponseOptions {
  /** Sent as X-Request-Id. */
  requestId?: string;
  /** Also put the request id in the body (webhooks: provider consoles show the body, not the headers). */
  requestIdInBody?: boolean;
  /** Sent as Retry-After, in seconds. */
  retryAfterSeconds?: number;
}

const UNEXPECTED = new AppError("internal_error", "An unexpected error occurred");

/** An AppError as it is; anything else as the generic internal error. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : UNEXPECTED;
}

export function toErrorBody(error: unknown): ErrorBody {
  const { code, message, issues } = toAppError(error);
  return { success: false, error: { code, message, ...(issues?.length ? { issues } : {}) } };
}

export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  const { requestId, requestIdInBody, retryAfterSeconds } = options;
  const body: ErrorBody & { requestId?: string } = toErrorBody(error);
  if (requestId && requestIdInBody) body.requestId = requestId;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (requestId) headers["X-Request-Id"] = requestId;
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json(body, { status: toAppError(error).status, headers });
}
