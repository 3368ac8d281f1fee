// Exactly-once under duplicate storms, through the real route handlers, on every target: the same event
// 20 times one after another and 20 times at once (Promise.all, so the copies share group commits)
// gives one message_event row, one "unmatched" and 19 "duplicate" answers (all 200), and 20 request rows.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { POST as resendPOST } from "@/app/webhooks/resend/route";
import { POST as twilioPOST } from "@/app/webhooks/twilio/route";
import { testTargets } from "../support/databases";
import {
  resendEmailEvent,
  resendRequest,
  svixId,
  twilioRequest,
  twilioStatusParams,
} from "../support/webhook-requests";
import { expectStored, useIngestHarness, type StoredBody } from "./harness";

const COPIES = 20;

interface Storm {
  name: string;
  /** One copy of the event; every call is a new request for the same event. */
  copy(): Request;
  post(request: Request): Promise<Response>;
}

const STORM_NAMES = [
  "Twilio, same status under different tokens",
  "Twilio, same idempotency token",
  "Resend, same svix-id",
];

/** A storm of fresh events (new MessageSid, svix-id, email_id), by name. */
function makeStorm(name: string): Storm {
  const twilioParams = twilioStatusParams({ MessageStatus: "delivered" });
  const svix = svixId();
  const resendPayload = resendEmailEvent("email.delivered");
  const all: Storm[] = [
    // Twilio: a new I-Twilio-Idempotency-Token each time, so only the effect identity (MessageSid+status+ErrorCode) holds.
    {
      name: "Twilio, same status under different tokens",
      copy: () => twilioRequest({ params: twilioParams }),
      post: twilioPOST,
    },
    // Twilio retries: the same token each time (the delivery identity).
    {
      name: "Twilio, same idempotency token",
      copy: () => twilioRequest({ params: twilioParams, idempotencyToken: "idem-storm" }),
      post: twilioPOST,
    },
    // Resend retries: the same svix-id, signed again each time.
    {
      name: "Resend, same svix-id",
      copy: () => resendRequest({ payload: resendPayload, id: svix }),
      post: resendPOST,
    },
  ];
  return all.find((s) => s.name === name)!;
}

describe.each(testTargets)("duplicate storms (%s)", (target) => {
  const h = useIngestHarness(target);

  async function expectOneEffect(results: StoredBody[]): Promise<void> {
    const originals = results.filter((r) => r.outcome === "unmatched");
    expect(originals).toHaveLength(1);
    const duplicates = results.filter((r) => r.outcome === "duplicate");
    expect(duplicates).toHaveLength(COPIES - 1);
    for (const d of duplicates) expect(d.duplicateOf).toBe(originals[0].requestId);
    expect(new Set(results.map((r) => r.requestId)).size).toBe(COPIES);

    expect(await h.db.prisma.messageEvent.count()).toBe(1);
    const event = await h.db.prisma.messageEvent.findFirstOrThrow();
    expect(event.requestId).toBe(originals[0].requestId);
    const rows = await h.db.prisma.webhookRequest.findMany();
    expect(rows).toHaveLength(COPIES);
    expect(
      rows.filter(
        (r) => r.outcome === "duplicate" && r.httpStatus === 200 && r.duplicateOf === originals[0].requestId,
      ),
    ).toHaveLength(COPIES - 1);
    expect(rows.filter((r) => r.outcome === "unmatched")).toHaveLength(1);
  }

  describe.each(STORM_NAMES)("%s", (name) => {
    it("the same event 20 times sequentially", async () => {
      const storm = makeStorm(name);
      const results: StoredBody[] = [];
      for (let i = 0; i < COPIES; i++) {
        results.push(await expectStored(await storm.post(storm.copy()), i === 0 ? "unmatched" : "duplicate"));
      }
      await expectOneEffect(results);
    });

    it("the same event 20 times concurrently", async () => {
      const storm = makeStorm(name);
      const responses = await Promise.all(Array.from({ length: COPIES }, () => storm.post(storm.copy())));
      expect(responses.map((r) => r.status)).toEqual(Array(COPIES).fill(200));
      const results = await Promise.all(responses.map(async (r) => (await r.clone().json()) as StoredBody));
      await Promise.all(responses.map((r, i) => expectStored(r, results[i].outcome)));
      await expectOneEffect(results);
    });
  });

  it("keeps a storm of distinct events apart (20 different statuses and emails at once)", async () => {
    const requests = [
      ...Array.from({ length: 10 }, () => twilioPOST(twilioRequest({ params: twilioStatusParams() }))),
      ...Array.from({ length: 10 }, () =>
        resendPOST(resendRequest({ payload: resendEmailEvent("email.delivered") })),
      ),
    ];
    const results = await Promise.all((await Promise.all(requests)).map((r) => expectStored(r, "unmatched")));
    expect(results).toHaveLength(20);
    expect(await h.db.prisma.messageEvent.count()).toBe(20);
    expect(await h.db.prisma.webhookRequest.count()).toBe(20);
  });
});
