// The ingest pipeline's limits through the real route handlers, on every target: body size (413),
// the rejection throttle (429), and an unavailable database (503, never 500 or 200).
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { openDatabase } from "@/lib/db/open";
import { sweepIngestRuntime } from "@/lib/ingest/runtime";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { logger } from "@/lib/logger";
import { createTestDatabase, testTargets } from "../support/databases";
import { IN_RECOVERY, startFakePostgres, TOO_MANY_CLIENTS } from "../support/fake-postgres";
import {
  resendEmailEvent,
  resendRequest,
  twilioRequest,
  twilioStatusParams,
} from "../support/webhook-requests";
import { expectError, expectStored, requestRow, useIngestHarness } from "./harness";

/** A localhost port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testTargets)("ingest pipeline limits (%s)", (target) => {
  const h = useIngestHarness(target);

  afterEach(() => {
    vi.useRealTimers();
  });

  describe("body size: 413 over WEBHOOK_MAX_BODY_BYTES", () => {
    it("answers 413 to a 2 KB Resend body over a 1 KB limit and records a too_large row", async () => {
      h.configure({ WEBHOOK_MAX_BODY_BYTES: "1024" });
      const payload = resendEmailEvent("email.delivered", { data: { subject: "x".repeat(2048) } });
      const raw = JSON.stringify(payload);
      const response = await resendPOST(resendRequest({ payload: raw }));
      const body = await expectError(response, 413, "payload_too_large");
      const row = await requestRow(h.db, body.requestId);
      expect(row).toMatchObject({
        provider: "resend",
        outcome: "too_large",
        httpStatus: 413,
        bodyBytes: Buffer.byteLength(raw),
        bodyTruncated: true,
        verified: false,
      });
      expect(row.reason).toMatch(/exceeds WEBHOOK_MAX_BODY_BYTES \(1024\)/);
      // What was read up to the cap is kept, never more.
      expect(raw.startsWith(row.body!)).toBe(true);
      expect(Buffer.byteLength(row.body!)).toBe(1024);
      expect(await h.db.prisma.messageEvent.count()).toBe(0);
    });

    it("answers 413 to a Twilio body over the limit, read or declared in Content-Length", async () => {
      h.configure({ WEBHOOK_MAX_BODY_BYTES: "1024" });
      const params = twilioStatusParams({ Body: "y".repeat(2048) });
      const streamed = await expectError(
        await twilioPOST(twilioRequest({ params })),
        413,
        "payload_too_large",
      );
      expect(await requestRow(h.db, streamed.requestId)).toMatchObject({
        provider: "twilio",
        outcome: "too_large",
        bodyTruncated: true,
      });

      const declared = await expectError(
        await twilioPOST(twilioRequest({ params, headers: { "content-length": "5000000" } })),
        413,
        "payload_too_large",
      );
      expect(await requestRow(h.db, declared.requestId)).toMatchObject({
        outcome: "too_large",
        bodyBytes: 5000000,
        bodyTruncated: true,
      });
    });

    it("accepts a body of exactly the limit", async () => {
      h.configure({ WEBHOOK_MAX_BODY_BYTES: "1024" });
      const params = twilioStatusParams({ Body: "" });
      const base = twilioRequest({ params });
      const padding = 1024 - Buffer.byteLength(await base.text());
      const exact = twilioStatusParams({ MessageSid: params.MessageSid, Body: "z".repeat(padding) });
      const response = await twilioPOST(twilioRequest({ params: exact }));
      const body = await expectStored(response, "unmatched");
      expect((await requestRow(h.db, body.requestId)).bodyBytes).toBe(1024);
    });
  });

  describe("rate limit: 429 for a source over WEBHOOK_RATE_LIMIT rejections", () => {
    it("answers 401 five times, then 429; a correctly signed request from the same source still gets 200", async () => {
      // The throttle counts per clock minute: pin the clock so the eight requests share one window.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000));
      h.configure({ WEBHOOK_RATE_LIMIT: "5" });
      const source = { [PEER_ADDRESS_HEADER]: "203.0.113.9" };

      const responses: Response[] = [];
      for (let i = 0; i < 8; i++)
        responses.push(await twilioPOST(twilioRequest({ authToken: "not_the_token", headers: source })));
      expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      for (const response of responses.slice(0, 5)) await expectError(response, 401, "invalid_signature");
      for (const response of responses.slice(5)) {
        expect(response.headers.get("retry-after")).toBe("60");
        await expectError(response, 429, "rate_limited");
      }

      const good = await expectStored(await twilioPOST(twilioRequest({ headers: source })), "unmatched");
      expect(await requestRow(h.db, good.requestId)).toMatchObject({
        sourceIp: "203.0.113.9",
        verified: true,
      });

      // Another source is not throttled.
      await expectError(
        await twilioPOST(
          twilioRequest({ authToken: "not_the_token", headers: { [PEER_ADDRESS_HEADER]: "198.51.100.1" } }),
        ),
        401,
        "invalid_signature",
      );

      // Recorded in full, throttled ones included: the storage budget (100 MB a day) is far from spent.
      const rows = await h.db.prisma.webhookRequest.findMany({ where: { sourceIp: "203.0.113.9" } });
      expect(rows.filter((r) => r.outcome === "rejected_signature")).toHaveLength(5);
      expect(rows.filter((r) => r.outcome === "rate_limited" && r.body)).toHaveLength(3);
    });

    it("throttles Resend rejections the same way", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000));
      h.configure({ WEBHOOK_RATE_LIMIT: "5" });
      const headers = { [PEER_ADDRESS_HEADER]: "203.0.113.9" };
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push(
          (
            await resendPOST(
              resendRequest({ payload: resendEmailEvent("email.sent"), signature: "v1,AAAA", headers }),
            )
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      await expectStored(
        await resendPOST(resendRequest({ payload: resendEmailEvent("email.sent"), headers })),
        "unmatched",
      );
    });
  });

  describe("database unavailable: 503, never 500 or 200", () => {
    it("answers 503 database_unavailable when the adopted database has been closed", async () => {
      const doomed = await createTestDatabase(target);
      try {
        h.configure({ WEBHOOK_MAX_RETRIES: "0" });
        h.adopt(doomed.db);
        await expectStored(await twilioPOST(twilioRequest()), "unmatched");
        await doomed.db.close();

        const twilio = await twilioPOST(twilioRequest());
        const body = await expectError(twilio, 503, "database_unavailable");
        expect(twilio.headers.get("retry-after")).toBe("5");
        expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
        await expectError(
          await resendPOST(resendRequest({ payload: resendEmailEvent("email.sent") })),
          503,
          "database_unavailable",
        );
        // A rejection stays a rejection while the database is down (its row is only logged).
        await expectError(
          await twilioPOST(twilioRequest({ authToken: "not_the_token" })),
          401,
          "invalid_signature",
        );
      } finally {
        await doomed.drop();
      }
    });

    it("answers 503 when the PostgreSQL server cannot be reached (pool pointing at a closed port)", async () => {
      const port = await closedPort();
      const unreachable = await openDatabase({
        databaseUrl: `postgresql://postgres@127.0.0.1:${port}/signalboard`,
        dataDir: "",
        poolSize: 2,
      });
      try {
        h.configure({ WEBHOOK_MAX_RETRIES: "1" });
        h.adopt(unreachable);
        const started = performance.now();
        const responses = await Promise.all([
          twilioPOST(twilioRequest()),
          resendPOST(resendRequest({ payload: resendEmailEvent("email.delivered") })),
        ]);
        for (const response of responses) await expectError(response, 503, "database_unavailable");
        expect(performance.now() - started).toBeLessThan(5_000);
        // Nothing was stored anywhere (the test database itself stayed empty).
        expect(await h.db.prisma.webhookRequest.count()).toBe(0);
      } finally {
        await unreachable.close();
      }
    });

    it.each([
      ["in crash recovery (57P03)", IN_RECOVERY],
      ["out of connection slots (53300)", TOO_MANY_CLIENTS],
    ])(
      "answers 503, and logs that the request was not stored, while PostgreSQL is %s",
      async (_, failure) => {
        const server = await startFakePostgres({ onConnect: failure });
        const recovering = await openDatabase({ databaseUrl: server.url, dataDir: "", poolSize: 2 });
        const errors = vi.spyOn(logger, "error");
        try {
          h.configure({ WEBHOOK_MAX_RETRIES: "1" });
          h.adopt(recovering);
          const responses = await Promise.all([
            twilioPOST(twilioRequest()),
            resendPOST(resendRequest({ payload: resendEmailEvent("email.bounced") })),
          ]);
          const ids = [];
          for (const response of responses)
            ids.push((await expectError(response, 503, "database_unavailable")).requestId);
          const notStored = errors.mock.calls.filter(([, message]) => /not stored/.test(String(message)));
          for (const id of ids)
            expect(notStored.some(([fields]) => (fields as { requestId?: string }).requestId === id)).toBe(
              true,
            );
          expect(errors.mock.calls.some(([, message]) => /could not record/.test(String(message)))).toBe(
            false,
          );
        } finally {
          errors.mockRestore();
          await recovering.close();
          await server.stop();
        }
      },
    );
  });
});
