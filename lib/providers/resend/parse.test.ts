import { describe, expect, it } from "vitest";
import type { IgnoredEvent, NormalizedEvent, ParseResult } from "../types";
import { RESEND_EXAMPLES } from "./examples.test-data";
import { parseResendEvent } from "./parse";
import { TRACKED_EMAIL_EVENT_TYPES } from "./schema";

const EMAIL_ID = "56761188-7520-42d8-8898-ff6fc54ce618";
const SVIX_ID = "msg_2ZfWeb3uTm0EhR5NNvjDB2R6vHx";

function parsed(body: string, deliveryId: string | null = SVIX_ID): NormalizedEvent | IgnoredEvent {
  const result = parseResendEvent(body, { deliveryId });
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.event;
}

function status(body: string, deliveryId: string | null = SVIX_ID): NormalizedEvent {
  const event = parsed(body, deliveryId);
  if (event.kind !== "status") throw new Error(`expected a status event, got ${JSON.stringify(event)}`);
  return event;
}

function rejected(body: string): Extract<ParseResult, { ok: false }> {
  const result = parseResendEvent(body, { deliveryId: SVIX_ID });
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result;
}

function edited(
  type: keyof typeof RESEND_EXAMPLES,
  edit: (event: { data: Record<string, unknown> } & Record<string, unknown>) => void,
) {
  const event = JSON.parse(RESEND_EXAMPLES[type]);
  edit(event);
  return JSON.stringify(event);
}

describe("parseResendEvent: documented email events", () => {
  it.each(TRACKED_EMAIL_EVENT_TYPES)("normalizes %s", (type) => {
    const body = RESEND_EXAMPLES[type];
    const event = status(body);
    const envelope = JSON.parse(body);
    expect(event).toMatchObject({
      kind: "status",
      provider: "resend",
      channel: "email",
      eventType: type,
      status: type.slice("email.".length),
      externalId: EMAIL_ID,
      deliveryId: SVIX_ID,
      effectKey: SVIX_ID,
      occurredAt: new Date(envelope.created_at),
      recipient: envelope.data.to[0],
      sender: "Acme <onboarding@resend.dev>",
      subject: "Sending this example",
      tags: { category: "confirm_email" },
      embeddedMessageId: null,
    });
    expect(event.details).toMatchObject({
      to: envelope.data.to,
      message_id: "<111-222-333@email.example.com>",
      created_at: "2026-02-22T23:41:11.894Z",
    });
    expect(event.details).not.toHaveProperty("email_id");
  });

  it("keeps broadcast_id and template_id of email.sent in details", () => {
    expect(status(RESEND_EXAMPLES["email.sent"]).details).toMatchObject({
      broadcast_id: "8b146471-e88e-4322-86af-016cd36fd216",
      template_id: "43f68331-0622-4e15-8202-246a0388854b",
    });
  });

  it("keeps the bounce of email.bounced", () => {
    const event = status(RESEND_EXAMPLES["email.bounced"]);
    expect(event.bounce).toEqual({
      type: "Permanent",
      subType: "Suppressed",
      message: expect.stringContaining("suppression list"),
    });
    expect(event).toMatchObject({ errorCode: "Permanent/Suppressed", errorMessage: event.bounce?.message });
  });

  it("keeps the click of email.clicked", () => {
    expect(status(RESEND_EXAMPLES["email.clicked"]).click).toEqual({
      link: "https://resend.com",
      ipAddress: "122.115.53.11",
      userAgent: expect.stringContaining("Safari"),
      timestamp: "2026-02-23T07:15:39.163Z",
    });
  });

  it("maps the reason of email.failed", () => {
    const event = status(RESEND_EXAMPLES["email.failed"]);
    expect(event).toMatchObject({ errorCode: "reached_daily_quota", errorMessage: "reached_daily_quota" });
    expect(event.details.failed).toEqual({ reason: "reached_daily_quota" });
  });

  it("maps the suppression of email.suppressed", () => {
    const event = status(RESEND_EXAMPLES["email.suppressed"]);
    expect(event).toMatchObject({
      errorCode: "OnAccountSuppressionList",
      errorMessage: expect.stringContaining("suppression list"),
    });
    expect(event.details.suppressed).toMatchObject({ type: "OnAccountSuppressionList" });
  });

  it("has no error, bounce or click on a plain delivery", () => {
    expect(status(RESEND_EXAMPLES["email.delivered"])).toMatchObject({
      errorCode: null,
      errorMessage: null,
      bounce: null,
      click: null,
    });
  });
});

describe("parseResendEvent: identities and tolerated forms", () => {
  it("builds the effect key from email_id, type and created_at without a delivery id", () => {
    const event = status(RESEND_EXAMPLES["email.delivered"], null);
    expect(event.deliveryId).toBeNull();
    expect(event.effectKey).toBe(`${EMAIL_ID}:email.delivered:2026-02-22T23:41:14.004Z`);
  });

  it("reads our own message id from the message_id tag", () => {
    const body = edited("email.delivered", (e) => (e.data.tags = { message_id: "msg-42", category: "x" }));
    expect(status(body).embeddedMessageId).toBe("msg-42");
  });

  it("falls back to data.id when email_id is absent", () => {
    const body = edited("email.opened", (e) => {
      delete e.data.email_id;
      e.data.id = "fallback-id";
    });
    expect(status(body)).toMatchObject({ externalId: "fallback-id", details: { id: "fallback-id" } });
  });

  it("converts tags sent as an array of {name, value}", () => {
    const body = edited(
      "email.sent",
      (e) =>
        (e.data.tags = [
          { name: "category", value: "welcome" },
          { name: "message_id", value: "m-1" },
        ]),
    );
    expect(status(body)).toMatchObject({
      tags: { category: "welcome", message_id: "m-1" },
      embeddedMessageId: "m-1",
    });
  });

  it("keeps fields Resend adds later in details", () => {
    const body = edited("email.delivered", (e) => (e.data.new_field = { nested: true }));
    expect(status(body).details.new_field).toEqual({ nested: true });
  });
});

describe("parseResendEvent: ignored events", () => {
  it("ignores contact.created", () => {
    const body = JSON.stringify({
      type: "contact.created",
      created_at: "2026-02-22T23:41:12.126Z",
      data: { id: "e169aa45-1ecf-4183-9955-b1499d5701d3", email: "steve@example.com", unsubscribed: false },
    });
    expect(parsed(body)).toEqual({
      kind: "ignored",
      provider: "resend",
      eventType: "contact.created",
      externalId: "e169aa45-1ecf-4183-9955-b1499d5701d3",
      deliveryId: SVIX_ID,
      reason: "contact.* events are not tracked",
    });
  });

  it("ignores inbound email.received", () => {
    expect(parsed(RESEND_EXAMPLES["email.received"])).toMatchObject({
      kind: "ignored",
      eventType: "email.received",
      externalId: EMAIL_ID,
      reason: expect.stringContaining("inbound"),
    });
  });

  it.each([
    "domain.updated",
    "suppression.added",
    "topic.deleted",
    "inbox.thread.created",
    "email.new_kind",
    "brand.new",
  ])("acknowledges %s as ignored, needing only a string type", (type) => {
    expect(parsed(JSON.stringify({ type }))).toMatchObject({
      kind: "ignored",
      eventType: type,
      externalId: null,
    });
  });
});

describe("parseResendEvent: malformed bodies", () => {
  it("rejects malformed JSON", () => {
    const result = rejected('{"type":"email.sent",');
    expect(result.reason).toBe("body is not valid JSON");
    expect(result.issues).toHaveLength(1);
  });

  it.each([
    ["[]"],
    ["null"],
    ['"email.sent"'],
    ['{"created_at":"2026-02-22T23:41:12.126Z"}'],
    ['{"type":42}'],
  ])("rejects %s as not an envelope", (body) => {
    const result = rejected(body);
    expect(result.reason).toBe("body is not a Resend event envelope");
    expect(result.issues[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) });
  });

  it("names the missing type", () => {
    expect(rejected('{"data":{}}').issues).toEqual([{ path: "type", message: expect.any(String) }]);
  });

  it("rejects an email event without email_id", () => {
    const result = rejected(edited("email.delivered", (e) => delete e.data.email_id));
    expect(result.reason).toBe("email.delivered event does not match the expected shape");
    expect(result.issues).toEqual([{ path: "data.email_id", message: expect.stringContaining("email_id") }]);
  });

  it("rejects an unparsable created_at", () => {
    const result = rejected(edited("email.opened", (e) => (e.created_at = "yesterday")));
    expect(result.issues).toEqual([{ path: "created_at", message: expect.any(String) }]);
  });
});
