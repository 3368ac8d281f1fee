// The one error type an answer is made from: a stable machine-readable code, its HTTP status, and a
// message written for the caller. Each code has exactly one status (the table below), so a route, a
// service and a webhook can never answer the same condition with two different statuses.

export interface ErrorIssue {
  path: string;
  message: string;
}

export const HTTP_STATUS_BY_CODE = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_cursor: 400,
  invalid_provider: 400,
  invalid_payload: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  /** A read-only key or role asked to change data. */
  insufficient_scope: 403,
  /** A change authorised by the session cookie but sent from another origin (CSRF). */
  cross_origin: 403,
  not_found: 404,
  conflict: 409,
  body_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** Client closed the connection mid-body (nginx's convention): recorded, never actually delivered. */
  request_aborted: 499,
  internal_error: 500,
  database_unavailable: 503,
  shutting_down: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS_BY_CODE;
export type ErrorStatus = (typeof HTTP_STATUS_BY_CODE)[ErrorCode];

export class AppError extends Error {
  readonly status: ErrorStatus;
  /** Field-level problems of an invalid request (zod issues), sent along with the message. */
  readonly issues?: ErrorIssue[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.status = HTTP_STATUS_BY_CODE[code];
    if (options.issues?.length) this.issues = options.issues;
  }
}

export const notFound = (message: string) => new AppError("not_found", message);
