// The rejection throttle through the real routes, on every target: the source is the socket's peer (as
// the HTTP guard writes it) or, behind TRUSTED_PROXY_HOPS proxies, the address that many hops from the
// right of X-Forwarded-For — never what the client wrote; every rejection made before verification
// counts; signed traffic is never throttled; rejected requests are stored in full within a per-provider
// storage budget and only counted (summary rows) beyond it.
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { sweepIngestRuntime } from "@/lib/ingest/runtime";
import { testTargets } from "../support/databases";
import { resendEmailEvent, resendRequest, twilioRequest } from "../support/webhook-requests";
import { expectStored, useIngestHarness } from "./harness";

const randomAddress = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe.each(testTargets)("rejection throttle (%s)", (target) => {
  const h = useIngestHarness(target);

  beforeEach(() => {
    // The throttle counts per clock minute: pin the clock so a test's requests share one window.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const forged = (headers: Record<string, string>) =>
    twilioPOST(twilioRequest({ authToken: "not_the_token", headers }));

  it("a flood rotating X-Forwarded-For from one socket is throttled (TRUSTED_PROXY_HOPS=0)", async () => {
    h.configure({ WEBHOOK_RATE_LIMIT: "5" });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await forged({ "x-forwarded-for": randomAddress(), [PEER_ADDRESS_HEADER]: "203.0.113.9" })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const sources = await h.db.prisma.webhookRequest.findMany({ select: { sourceIp: true } });
    expect(new Set(sources.map((row) => row.sourceIp))).toEqual(new Set(["203.0.113.9"]));
  });

  it("behind one trusted proxy the source is the last X-Forwarded-For entry, not the client's own", async () => {
    h.configure({ WEBHOOK_RATE_LIMIT: "5", TRUSTED_PROXY_HOPS: "1" });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const headers = {
        "x-forwarded-for": `${randomAddress()}, 198.51.100.20`,
        [PEER_ADDRESS_HEADER]: "10.0.0.1",
      };
      statuses.push((await forged(headers)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const row = await h.db.prisma.webhookRequest.findFirstOrThrow();
    expect(row.sourceIp).toBe("198.51.100.20");
  });

  it("counts every rejection before verification (413, 415); signed traffic is never throttled", async () => {
    h.configure({ WEBHOOK_RATE_LIMIT: "4", WEBHOOK_MAX_BODY_BYTES: "1024" });
    const headers = { [PEER_ADDRESS_HEADER]: "192.0.2.50" };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const big = resendEmailEvent("email.sent", { data: { subject: "x".repeat(2048) } });
      statuses.push((await resendPOST(resendRequest({ payload: big, headers }))).status);
      const wrongType = resendRequest({
        payload: resendEmailEvent("email.sent"),
        headers: { ...headers, "content-type": "text/plain" },
      });
      statuses.push((await resendPOST(wrongType)).status);
    }
    expect(statuses).toEqual([413, 415, 413, 415, 429, 429]);
    for (let i = 0; i < 3; i++)
      await expectStored(
        await resendPOST(resendRequest({ payload: resendEmailEvent("email.sent"), headers })),
        "unmatched",
      );
  });

  it("stores rejected requests in full within the provider's budget, then as summary rows", async () => {
    // 1 MB a day for Resend's rejected requests: three bodies of 300 KB fit, the fourth does not.
    h.configure({
      WEBHOOK_RATE_LIMIT: "0",
      WEBHOOK_REJECTED_STORAGE_MB: "1",
      WEBHOOK_MAX_BODY_BYTES: "400000",
    });
    const headers = { [PEER_ADDRESS_HEADER]: "192.0.2.60" };
    for (let i = 0; i < 6; i++) {
      const payload = resendEmailEvent("email.sent", { data: { subject: "y".repeat(300_000) } });
      const response = await resendPOST(resendRequest({ payload, signature: "v1,AAAA", headers }));
      expect(response.status).toBe(401);
    }
    // Another provider's budget is its own.
    expect((await forged(headers)).status).toBe(401);

    const full = await h.db.prisma.webhookRequest.findMany({
      where: { outcome: "rejected_signature" },
      select: { provider: true, bodyBytes: true },
    });
    expect(full.filter((row) => row.provider === "resend")).toHaveLength(3);
    expect(full.filter((row) => row.provider === "twilio")).toHaveLength(1);
    sweepIngestRuntime();
    await vi.waitFor(
      async () => {
        const summary = await h.db.prisma.webhookRequest.findFirstOrThrow({
          where: { summaryCount: { not: null } },
        });
        expect(summary).toMatchObject({
          provider: "resend",
          sourceIp: "192.0.2.60",
          summaryCount: 3,
          body: null,
        });
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});
