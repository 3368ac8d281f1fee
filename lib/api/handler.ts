// Every API route goes through here: a request id on every answer, the caller (API key or session
// cookie) checked before anything is read or written, scopes and roles, the origin check on cookie-
// authorised changes (CSRF), recipients masked for marketing, and every failure answered by the one
// error responder (lib/errors/error-response.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getConfig } from "../env";
import { getDatabase } from "../db/runtime";
import type { Database } from "../db/open";
import { AppError, type ErrorIssue } from "../errors/app-error";
import { errorResponse } from "../errors/error-response";
import { logger } from "../logger";
import { maskRecipientsDeep } from "../auth/mask";
import { canSeeRecipients, type Role } from "../auth/roles";
import { getBaseUrl } from "../config/validate";
import { authenticate, type ApiCaller } from "./auth";

export interface ApiContext {
  db: Database;
  caller: ApiCaller;
  requestId: string;
  request: Request;
}

type RouteParams = { params: Promise<Record<string, string>> };

export interface ApiRouteOptions {
  /**
   * Roles of signed-in users this route serves (keys are governed by their scope). Default: admin and
   * support. Marketing reaches only the routes that list it, and gets every recipient masked there.
   */
  roles?: Role[];
  /** Only signed-in users (no API key): managing people is not for the sending application. */
  sessionOnly?: boolean;
}

/** Reading messages and metrics: marketing too, with recipients masked. */
export const READERS_WITH_MARKETING: ApiRouteOptions = { roles: ["admin", "support", "marketing"] };

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const DEFAULT_ROLES: Role[] = ["admin", "support"];

export function apiRoute<P extends Record<string, string> = Record<string, string>>(
  handler: (ctx: ApiContext, params: P) => Promise<Response | unknown>,
  options: ApiRouteOptions = {},
) {
  return async (request: Request, route?: RouteParams): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    try {
      const caller = await authenticate(request, getConfig().API_KEYS, () => getDatabase());
      if (!caller)
        throw new AppError(
          "unauthorized",
          "Sign in, or send a valid API key as `Authorization: Bearer <key>` (Settings → API keys, or API_KEYS)",
        );
      authorize(request, caller, options);
      const db = await getDatabase();
      const params = ((await route?.params) ?? {}) as P;
      const result = await handler({ db, caller, requestId, request }, params);
      const masked = caller.role !== null && !canSeeRecipients({ role: caller.role });
      const response =
        result instanceof Response ? result : Response.json(masked ? maskRecipientsDeep(result) : result);
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

function authorize(request: Request, caller: ApiCaller, options: ApiRouteOptions): void {
  const writes = !READ_METHODS.has(request.method.toUpperCase());
  if (options.sessionOnly && caller.kind !== "session")
    throw new AppError("forbidden", "This endpoint is for signed-in admins, not API keys");
  if (caller.role && !(options.roles ?? DEFAULT_ROLES).includes(caller.role))
    throw new AppError("forbidden", `The ${caller.role} role cannot use this endpoint`);
  if (writes && caller.scope !== "write")
    throw new AppError("insufficient_scope", "This key or role may only read; changes need a write key");
  // A browser sends the session cookie with any cross-site request; only our own pages may change data.
  if (writes && caller.kind === "session" && !isOwnOrigin(request))
    throw new AppError("cross_origin", "Changes from another origin are refused");
}

function isOwnOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const config = getConfig();
  const own = new Set([
    new URL(request.url).origin,
    getBaseUrl(config),
    `http://localhost:${config.PORT}`,
    `http://127.0.0.1:${config.PORT}`,
  ]);
  return own.has(origin);
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
