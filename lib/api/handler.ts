// Every API route goes through here: a request id on every answer, the API key checked before anything
// is read or written, the database, and every failure answered by the one error responder
// (lib/errors/error-response.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getConfig } from "../env";
import { getDatabase } from "../db/runtime";
import type { Database } from "../db/open";
import { AppError, type ErrorIssue } from "../errors/app-error";
import { errorResponse } from "../errors/error-response";
import { logger } from "../logger";
import { authenticate, type ApiCaller } from "./auth";

export interface ApiContext {
  db: Database;
  caller: ApiCaller;
  requestId: string;
  request: Request;
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
        throw new AppError(
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
      if (!(error instanceof AppError))
        logger.error(
          { requestId, err: error instanceof Error ? error.stack : String(error) },
          "API request failed",
        );
      return errorResponse(error, { requestId });
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
    throw new AppError("invalid_json", "The request body must be JSON");
  }
  return parseWith(schema, body);
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("invalid_request", "The request is not valid", { issues: zodIssues(parsed.error) });
  return parsed.data;
}

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
