// Replays through the real route handlers and the real pipeline, on every target: one stored request, and
// rejected requests re-verified in bulk after the configuration is fixed. Requests are signed with the
// official libraries (twilio, standardwebhooks); exactly-once is read from the message's events.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as postResend } from "@/app/webhooks/resend/route";
import { POST as postTwilio } from "@/app/webhooks/twilio/route";
import { getConfig } from "@/lib/env";
import { registerMessages } from "@/lib/messages/register";
import { getRequest } from "@/lib/queries/get-request";
import { INELIGIBLE } from "@/lib/replay/eligibility";
import { replayStoredRequest } from "@/lib/replay/replay-request";
import { getLatestRun, startReverifyRun } from "@/lib/replay/reverify-run";
import { loadStoredRequest } from "@/lib/replay/stored-request";
import { testTargets } from "../support/databases";
import {
  resendEmailEvent,
  resendRequest,
  twilioMessageSid,
  twilioRequest,
  twilioStatusParams,
} from "../support/webhook-requests";
import { useIngestHarness } from "../ingest/harness";

const ADMIN = { label: "admin@example.test" };
/** A Twilio auth token the server does not have yet: what Twilio signs with after a rotation. */
const NEW_TWILIO_TOKEN = "new_twilio_auth_token_0123456789ab";
/** whsec_ + base64 of 32 bytes the server does not have yet. */
const NEW_RESEND_SECRET = `whsec_${Buffer.from("signalboard-new-resend-secret!!!").toString("base64")}`;

const hour = 3_600_000;
const wholeDay = () => ({ from: new Date(Date.now() - 24 * hour), to: new Date(Date.now() + hour) });

describe.each(testTargets)("replay (%s)", (target) => {
  const h = useIngestHarness(target);

  afterEach(() => {
    vi.useRealTimers();
  });

  async function requestIdOf(response: Response): Promise<string> {
    const id = response.headers.get("x-request-id");
    expect(id).toBeTruthy();
    return id!;
  }

  async function registerSms(externalId: string): Promise<string> {
    const [result] = await registerMessages(h.db, [
      { input: { channel: "sms", to: "+14155550100", provider: "twilio", externalId } },
    ]);
    if (!result.ok) throw new Error(result.message);
    return result.messageId;
  }

  async function replay(id: string) {
    const row = await loadStoredRequest(h.db, id);
    expect(row).not.toBeNull();
    return replayStoredRequest(h.db, getConfig(), row!, ADMIN);
  }

  const eventsOf = (messageId: string) => h.db.prisma.messageEvent.findMany({ where: { messageId } });
  const row = (id: string) => h.db.prisma.webhookRequest.findUniqueOrThrow({ where: { id } });

  describe("one stored request", () => {
    it("a replay of an accepted request is a new row marked as its replay, and a duplicate", async () => {
      const sid = twilioMessageSid();
      const messageId = await registerSms(sid);
      const original = await requestIdOf(
        await postTwilio(twilioRequest({ params: twilioStatusParams({ MessageSid: sid }) })),
      );
      expect((await row(original)).outcome).toBe("accepted");
      // Accepted requests keep no signature: the hot path is unchanged.
      expect((await row(original)).signatureHeaders).toBeNull();

      const result = await replay(original);
      expect(result).toMatchObject({ status: "replayed", outcome: "duplicate", verification: "at_receipt" });
      const replayId = (result as { replayId: string }).replayId;
      expect(replayId).not.toBe(original);
      expect(await row(replayId)).toMatchObject({
        replayOf: original,
        outcome: "duplicate",
        provider: "twilio",
        externalId: sid,
        verified: true,
      });
      expect(await eventsOf(messageId)).toHaveLength(1);
      // Linked both ways in the inspector.
      expect((await getRequest(h.db, replayId))?.replayOf?.id).toBe(original);
      expect((await getRequest(h.db, original))?.replays.map((r) => r.id)).toEqual([replayId]);
    });

    it("a replay of an unmatched request, once its message exists, adds nothing to it", async () => {
      const sid = twilioMessageSid();
      const original = await requestIdOf(
        await postTwilio(twilioRequest({ params: twilioStatusParams({ MessageSid: sid }) })),
      );
      expect((await row(original)).outcome).toBe("unmatched");
      const messageId = await registerSms(sid); // links the unmatched event
      const result = await replay(original);
      expect(result).toMatchObject({ status: "replayed", outcome: "duplicate" });
      const events = await eventsOf(messageId);
      expect(events).toHaveLength(1);
      expect(events[0].requestId).toBe(original);
      expect((await h.db.prisma.message.findUniqueOrThrow({ where: { id: messageId } })).status).toBe(
        "delivered",
      );
    });

    it("a request refused before verification is never processed", async () => {
      const id = await requestIdOf(
        await postTwilio(twilioRequest({ contentType: "text/plain" })), // 415, never verified
      );
      expect((await row(id)).verified).toBe(false);
      expect(await replay(id)).toEqual({ status: "ineligible", reason: INELIGIBLE.neverVerified });
    });

    it("a truncated body is not eligible", async () => {
      h.configure({ WEBHOOK_MAX_BODY_BYTES: "1024" });
      const params = twilioStatusParams({ Padding: "x".repeat(1200) });
      const id = await requestIdOf(await postTwilio(twilioRequest({ params })));
      expect(await row(id)).toMatchObject({ outcome: "too_large", bodyTruncated: true });
      expect(await replay(id)).toEqual({ status: "ineligible", reason: INELIGIBLE.truncated });
    });
  });

  describe("rejected requests after a fix", () => {
    it("a Twilio request signed with a new token is processed once the token is configured, exactly once", async () => {
      const sid = twilioMessageSid();
      const messageId = await registerSms(sid);
      const request = twilioRequest({
        params: twilioStatusParams({ MessageSid: sid }),
        authToken: NEW_TWILIO_TOKEN,
      });
      const signature = request.headers.get("x-twilio-signature")!;
      const rejected = await requestIdOf(await postTwilio(request));
      const stored = await row(rejected);
      expect(stored.outcome).toBe("rejected_signature");
      expect(stored.signatureHeaders).toEqual({ "x-twilio-signature": signature });
      // The headers column keeps only the redacted value; the inspector never shows the signature.
      expect(JSON.stringify(stored.headers)).not.toContain(signature);
      expect(JSON.stringify(await getRequest(h.db, rejected))).not.toContain(signature);

      // Before the fix it still fails, and nothing is written.
      expect(await replay(rejected)).toEqual({ status: "still_failing", reason: "signature does not match" });

      h.configure({ TWILIO_AUTH_TOKEN: `${NEW_TWILIO_TOKEN}` });
      const run = await startReverifyRun(h.db, getConfig(), ADMIN, { provider: "twilio", ...wholeDay() });
      expect(run.started).toBe(true);
      await (run as { done: Promise<void> }).done;
      expect(await getLatestRun(h.db)).toMatchObject({
        status: "finished",
        selected: 1,
        processed: 1,
        passed: 1,
        stillFailing: 0,
        ineligible: 0,
      });
      const message = await h.db.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(message.status).toBe("delivered");
      const [event] = await eventsOf(messageId);
      const replayRow = await row(event.requestId);
      expect(replayRow).toMatchObject({ replayOf: rejected, outcome: "accepted", verified: true });

      // A second run finds nothing left; a manual replay of the original is a duplicate.
      const again = await startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() });
      await (again as { done: Promise<void> }).done;
      expect(await getLatestRun(h.db)).toMatchObject({ selected: 0, passed: 0 });
      expect(await replay(rejected)).toMatchObject({ status: "replayed", outcome: "duplicate" });
      expect(await eventsOf(messageId)).toHaveLength(1);
      // Both runs are in the audit trail.
      const audit = await h.db.prisma.auditEntry.findMany({ where: { actorLabel: ADMIN.label } });
      expect(audit.map((a) => a.action).sort()).toEqual([
        "requests.reverify_finished",
        "requests.reverify_finished",
        "requests.reverify_started",
        "requests.reverify_started",
      ]);
    });

    it("says which still fail and why, and which are not eligible and why", async () => {
      await postTwilio(twilioRequest({ authToken: "still_the_wrong_token_0123456789" }));
      await postTwilio(twilioRequest({ signature: null })); // sent without a signature
      const old = await requestIdOf(await postTwilio(twilioRequest({ authToken: NEW_TWILIO_TOKEN })));
      // A row from before signature headers were kept.
      await h.db.prisma.$executeRawUnsafe(
        `UPDATE webhook_request SET signature_headers = NULL WHERE id = $1::uuid`,
        old,
      );
      h.configure({ TWILIO_AUTH_TOKEN: NEW_TWILIO_TOKEN });

      const run = await startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() });
      await (run as { done: Promise<void> }).done;
      expect(await getLatestRun(h.db)).toMatchObject({
        selected: 3,
        passed: 0,
        stillFailing: 1,
        ineligible: 2,
        reasons: {
          stillFailing: { "signature does not match": 1 },
          ineligible: { [INELIGIBLE.noSignatureSent]: 1, [INELIGIBLE.noSignatureStored]: 1 },
        },
      });
    });

    it("Resend's timestamp is checked against the time the request was received, not the replay", async () => {
      const event = resendEmailEvent("email.delivered");
      const first = await requestIdOf(
        await postResend(resendRequest({ payload: event, secret: NEW_RESEND_SECRET })),
      );
      const second = await requestIdOf(
        await postResend(
          resendRequest({ payload: resendEmailEvent("email.opened"), secret: NEW_RESEND_SECRET }),
        ),
      );
      expect((await row(first)).outcome).toBe("rejected_signature");
      expect(Object.keys((await row(first)).signatureHeaders as object).sort()).toEqual([
        "svix-id",
        "svix-signature",
        "svix-timestamp",
      ]);
      // The second is recorded as received ten minutes after it was signed: too late, whenever replayed.
      await h.db.prisma.$executeRawUnsafe(
        `UPDATE webhook_request SET received_at = received_at + interval '10 minutes' WHERE id = $1::uuid`,
        second,
      );
      h.configure({ RESEND_WEBHOOK_SECRET: NEW_RESEND_SECRET });
      // The replay happens an hour later: far outside the 5-minute window of the clock.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + hour });

      const ok = await replay(first);
      expect(ok).toMatchObject({ status: "replayed", outcome: "unmatched", verification: "now" });
      const late = await replay(second);
      expect(late).toMatchObject({ status: "still_failing" });
      expect((late as { reason: string }).reason).toMatch(/^timestamp too old: 60\d s behind/);
    });
  });

  describe("single flight", () => {
    it("a second run cannot start while one is running; a run whose instance stopped is taken over", async () => {
      const [a, b] = await Promise.all([
        startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() }),
        startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() }),
      ]);
      expect([a.started, b.started].sort()).toEqual([false, true]);
      const winner = a.started ? a : b;
      const loser = a.started ? b : a;
      // The running one, unless it already finished by the time the loser looked.
      expect([winner.runId, null]).toContain(loser.runId);
      await (winner as { done: Promise<void> }).done;

      // Free again once it finished.
      const next = await startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() });
      expect(next.started).toBe(true);
      await (next as { done: Promise<void> }).done;

      // A run left "running" by a stopped instance: refused while its heartbeat is fresh, taken over after.
      const stale = "00000000-0000-4000-8000-000000000001";
      await h.db.prisma.replayRun.create({
        data: {
          id: stale,
          activeSlot: "reverify",
          status: "running",
          startedBy: "someone",
          rangeFrom: new Date(),
          rangeTo: new Date(),
        },
      });
      expect(await startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() })).toEqual({
        started: false,
        runId: stale,
      });
      await h.db.prisma.replayRun.update({
        where: { id: stale },
        data: { heartbeatAt: new Date(Date.now() - 5 * 60_000) },
      });
      const takeover = await startReverifyRun(h.db, getConfig(), ADMIN, { provider: null, ...wholeDay() });
      expect(takeover.started).toBe(true);
      await (takeover as { done: Promise<void> }).done;
      expect(await h.db.prisma.replayRun.findUniqueOrThrow({ where: { id: stale } })).toMatchObject({
        status: "abandoned",
        activeSlot: null,
      });
    });
  });

  it("signature headers are removed with the raw body, never kept without it", async () => {
    const id = await requestIdOf(await postTwilio(twilioRequest({ authToken: NEW_TWILIO_TOKEN })));
    await expect(
      h.db.prisma.$executeRawUnsafe(`UPDATE webhook_request SET body = NULL WHERE id = $1::uuid`, id),
    ).rejects.toThrow(/webhook_request_signature_headers_with_body/);
    await h.db.prisma.$executeRawUnsafe(
      `UPDATE webhook_request SET body = NULL, signature_headers = NULL WHERE id = $1::uuid`,
      id,
    );
    expect(await replay(id)).toEqual({ status: "ineligible", reason: INELIGIBLE.noBody });
  });
});
