// Every API route goes through here: a request id on every answer, the API key checked before anything
// is read or written, the database, and one error mapper with one error body shape.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getConfig } from "../env";
import { DatabaseUnavailableError, getDatabase } from "../db/runtime";
import type { Database } from "../db/open";
import { logger } from "../logger";
import { MessageServiceError } from "../messages/errors";
import { InvalidCursorError } from "../queries/list-messages";
import { authenticate, type ApiCaller } from "./auth";

export interface ApiContext {
  db: Database;
  caller: ApiCaller;
  requestId: string;
  request: Request;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

type RouteParams = { params: Promise<Record<string, string>> };

export function apiRoute<P extends Record<string, string> = Record<string, string>>(
  handler: (ctx: ApiContext, params: P) => Promise<Response | unknown>,
) {
  return async (request: Request, route?: RouteParams): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    try {
      const caller = authenticate(request.headers.get("authorization"), getConfig().API_KEYS);
      if (!caller)
        throw new ApiError(
          401,
          "unauthorized",
          "Send a valid API key as `Authorization: Bearer <key>` (API_KEYS)",
        );
      const db = await getDatabase();
      const params = ((await route?.params) ?? {}) as P;
      const result = await handler({ db, caller, requestId, request }, params);
      const response = result instanceof Response ? result : Response.json(result);
      response.headers.set("X-Request-Id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

/** Parses a JSON body with a schema; a bad body is a 400 with every issue, never a 500. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The request body must be JSON");
  }
  return parseWith(schema, body);
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "invalid_request", "The request is not valid", zodIssues(parsed.error));
  return parsed.data;
}

export function zodIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

function errorResponse(error: unknown, requestId: string): Response {
  let status = 500;
  let code = "internal_error";
  let message = "An unexpected error occurred";
  let issues: ApiError["issues"];
  if (error instanceof ApiError) ({ status, code, message, issues } = error);
  else if (error instanceof MessageServiceError) ({ status, code, message } = error);
  else if (error instanceof InvalidCursorError)
    [status, code, message] = [400, "invalid_cursor", error.message];
  else if (error instanceof DatabaseUnavailableError)
    [status, code, message] = [503, "database_unavailable", "The database is unavailable; retry later"];
  else
    logger.error(
      { requestId, err: error instanceof Error ? error.stack : String(error) },
      "API request failed",
    );
  const body = { success: false, error: { code, message, ...(issues?.length ? { issues } : {}) } };
  return Response.json(body, { status, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
}
