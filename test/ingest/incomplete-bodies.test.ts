// Bodies that never arrive whole, through the real routes on every target: a client that goes away
// mid-body leaves an `aborted` row (logged at warn, not as an error with a stack), and one that sends
// its body too slowly gets 408 after WEBHOOK_BODY_TIMEOUT, with a row, instead of holding the connection.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { logger } from "@/lib/logger";
import { testTargets } from "../support/databases";
import { buildResendRequest, buildTwilioRequest, resendEmailEvent } from "../support/webhook-requests";
import { expectError, useIngestHarness } from "./harness";

/** A request whose body stream sends `first` and then fails (the client went away) or never ends. */
function streamed(
  built: { url: string; init: RequestInit },
  then: "fail" | "stall",
): { request: Request; sent: number } {
  const body = String(built.init.body);
  const first = new TextEncoder().encode(body.slice(0, Math.floor(body.length / 2)));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(first);
      if (then === "fail") setTimeout(() => controller.error(new Error("aborted")), 20);
    },
  });
  const headers = new Headers(built.init.headers);
  headers.set("content-length", String(new TextEncoder().encode(body).byteLength));
  const request = new Request(built.url, {
    method: "POST",
    headers,
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, sent: first.byteLength };
}

describe.each(testTargets)("incomplete bodies (%s)", (target) => {
  const h = useIngestHarness(target);

  it("a client that goes away mid-body leaves an aborted row, logged at warn", async () => {
    const errors = vi.spyOn(logger, "error");
    const warnings = vi.spyOn(logger, "warn");
    try {
      for (const [post, built] of [
        [twilioPOST, buildTwilioRequest()],
        [resendPOST, buildResendRequest({ payload: resendEmailEvent("email.delivered") })],
      ] as const) {
        const { request } = streamed(built, "fail");
        const body = await expectError(await post(request), 499, "request_aborted");
        const row = await h.db.prisma.webhookRequest.findUniqueOrThrow({ where: { id: body.requestId } });
        expect(row).toMatchObject({ outcome: "aborted", httpStatus: 499, verified: false });
        expect(row.reason).toMatch(/aborted/);
      }
      expect(errors).not.toHaveBeenCalled();
      expect(
        warnings.mock.calls.filter(([fields]) => (fields as { outcome?: string }).outcome === "aborted"),
      ).toHaveLength(2);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
    expect(await h.db.prisma.messageEvent.count()).toBe(0);
  });

  it("a body still incomplete after WEBHOOK_BODY_TIMEOUT gets 408 and a row, on time", async () => {
    h.configure({ WEBHOOK_BODY_TIMEOUT: "1" });
    const { request } = streamed(buildTwilioRequest(), "stall");
    const started = performance.now();
    const body = await expectError(await twilioPOST(request), 408, "body_timeout");
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(3_000);
    const row = await h.db.prisma.webhookRequest.findUniqueOrThrow({ where: { id: body.requestId } });
    expect(row).toMatchObject({ outcome: "aborted", httpStatus: 408 });
    expect(row.reason).toMatch(/WEBHOOK_BODY_TIMEOUT \(1 s\)/);
  });
});
