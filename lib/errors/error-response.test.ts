import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { errorResponse, toErrorBody } from "./error-response";

describe("the error responder", () => {
  it("answers an AppError with its code's status, its message and its issues", async () => {
    const issues = [{ path: "to", message: "Required" }];
    const response = errorResponse(new AppError("invalid_request", "The request is not valid", { issues }), {
      requestId: "req-1",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      success: false,
      error: { code: "invalid_request", message: "The request is not valid", issues },
    });
  });

  it("gives each code one status", () => {
    expect(new AppError("not_found", "x").status).toBe(404);
    expect(new AppError("conflict", "x").status).toBe(409);
    expect(new AppError("invalid_signature", "x").status).toBe(401);
    expect(new AppError("database_unavailable", "x").status).toBe(503);
  });

  it("answers anything else with a generic 500 that tells nothing about the cause", async () => {
    const response = errorResponse(new Error("connection string postgres://user:secret@db"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: { code: "internal_error", message: "An unexpected error occurred" },
    });
  });

  it("leaves out empty issues, and puts the request id in the body only when asked", async () => {
    expect(toErrorBody(new AppError("not_found", "gone", { issues: [] }))).toEqual({
      success: false,
      error: { code: "not_found", message: "gone" },
    });
    const response = errorResponse(new AppError("rate_limited", "slow down"), {
      requestId: "req-2",
      requestIdInBody: true,
      retryAfterSeconds: 60,
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toMatchObject({ success: false, requestId: "req-2" });
  });
});
