import { describe, expect, it } from "vitest";
import type { NormalizedEvent, ParseResult } from "../types";
import { parseRawDlrDoneDate } from "./dlr-date";
import { parseForm } from "./form";
import { parseTwilioCallback, type TwilioParseOptions } from "./parse";
import { TWILIO_MESSAGE_STATUSES } from "./statuses";

const SID = "SM0123456789abcdef0123456789abcdef";
const ACCOUNT = "AC0123456789abcdef0123456789abcdef";
const OPTIONS: TwilioParseOptions = {
  deliveryId: "idem-1",
  expectedAccountSid: ACCOUNT,
  embeddedMessageId: "msg_42",
};

const BASE = {
  MessageSid: SID,
  SmsSid: SID,
  MessageStatus: "delivered",
  SmsStatus: "delivered",
  AccountSid: ACCOUNT,
  To: "+14155550100",
  From: "+14155550199",
  ApiVersion: "2010-04-01",
};

function statusEvent(result: ParseResult): NormalizedEvent {
  if (!result.ok || result.event.kind !== "status")
    throw new Error(`expected a status event: ${JSON.stringify(result)}`);
  return result.event;
}

describe("parseTwilioCallback", () => {
  it("normalizes a delivered callback", () => {
    const event = statusEvent(parseTwilioCallback({ ...BASE, RawDlrDoneDate: "2402291530" }, OPTIONS));
    expect(event).toEqual({
      kind: "status",
      provider: "twilio",
      channel: "sms",
      eventType: "delivered",
      status: "delivered",
      externalId: SID,
      deliveryId: "idem-1",
      effectKey: `${SID}:delivered:`,
      occurredAt: null,
      recipient: "+14155550100",
      sender: "+14155550199",
      subject: null,
      errorCode: null,
      errorMessage: null,
      bounce: null,
      click: null,
      tags: {},
      embeddedMessageId: "msg_42",
      details: {
        AccountSid: ACCOUNT,
        ApiVersion: "2010-04-01",
        RawDlrDoneDate: "2402291530",
        rawDlrDoneDateUtc: "2024-02-29T15:30:00.000Z",
      },
    });
  });

  it("falls back to SmsSid and SmsStatus", () => {
    const params = { SmsSid: SID, SmsStatus: "sent", AccountSid: ACCOUNT };
    const event = statusEvent(parseTwilioCallback(params, OPTIONS));
    expect(event).toMatchObject({ externalId: SID, status: "sent", eventType: "sent" });
    const emptyModern = { ...params, MessageSid: "", MessageStatus: "" };
    expect(statusEvent(parseTwilioCallback(emptyModern, OPTIONS))).toMatchObject({
      externalId: SID,
      status: "sent",
    });
  });

  it.each(TWILIO_MESSAGE_STATUSES.filter((s) => s !== "receiving" && s !== "received"))(
    "accepts the outbound status %s",
    (status) => {
      const event = statusEvent(parseTwilioCallback({ ...BASE, MessageStatus: status }, OPTIONS));
      expect(event.status).toBe(status);
    },
  );

  it.each(["receiving", "received"])("ignores the inbound status %s", (status) => {
    const result = parseTwilioCallback({ ...BASE, MessageStatus: status, SmsStatus: status }, OPTIONS);
    expect(result).toEqual({
      ok: true,
      event: {
        kind: "ignored",
        provider: "twilio",
        eventType: status,
        externalId: SID,
        deliveryId: "idem-1",
        reason: "inbound message status",
      },
    });
  });

  it("accepts all 13 statuses from the SDK enum", () => {
    expect(TWILIO_MESSAGE_STATUSES).toHaveLength(13);
    for (const status of TWILIO_MESSAGE_STATUSES) {
      expect(parseTwilioCallback({ ...BASE, MessageStatus: status }, OPTIONS).ok).toBe(true);
    }
  });

  it("rejects an unknown status with an issue", () => {
    const result = parseTwilioCallback({ ...BASE, MessageStatus: "exploded" }, OPTIONS);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: "MessageStatus", message: 'unknown message status "exploded"' }],
    });
  });

  it("rejects a callback without sid or status", () => {
    const result = parseTwilioCallback({ AccountSid: ACCOUNT, To: "+1" }, OPTIONS);
    expect(result).toMatchObject({
      ok: false,
      issues: [
        { path: "MessageSid", message: "MessageSid (or SmsSid) is required" },
        { path: "MessageStatus", message: "MessageStatus (or SmsStatus) is required" },
      ],
    });
  });

  it("rejects a repeated MessageSid rather than guessing one", () => {
    const params = parseForm(`MessageSid=${SID}&MessageSid=SMother&MessageStatus=sent&AccountSid=${ACCOUNT}`);
    expect(parseTwilioCallback(params, OPTIONS)).toMatchObject({
      ok: false,
      issues: [{ path: "MessageSid" }],
    });
  });

  it("keeps unknown and new parameters in details, never rejecting them", () => {
    const params = parseForm(
      `MessageSid=${SID}&MessageStatus=read&AccountSid=${ACCOUNT}&ChannelPrefix=whatsapp` +
        "&StructuredMessage=false&Tag=a&Tag=b&MessagingServiceSid=MG1&SmsSid=SMlegacy",
    );
    const event = statusEvent(parseTwilioCallback(params, OPTIONS));
    expect(event.details).toEqual({
      AccountSid: ACCOUNT,
      ChannelPrefix: "whatsapp",
      StructuredMessage: "false",
      Tag: ["a", "b"],
      MessagingServiceSid: "MG1",
      SmsSid: "SMlegacy",
    });
  });

  it("rejects a callback for another account when one is configured", () => {
    const other = "AC99999999999999999999999999999999";
    const result = parseTwilioCallback({ ...BASE, AccountSid: other }, OPTIONS);
    expect(result).toMatchObject({
      ok: false,
      reason: `AccountSid ${other} is not the configured Twilio account`,
    });
    const missing = parseTwilioCallback({ MessageSid: SID, MessageStatus: "sent" }, OPTIONS);
    expect(missing).toMatchObject({ ok: false, issues: [{ path: "AccountSid" }] });
    const notConfigured = parseTwilioCallback(
      { ...BASE, AccountSid: other },
      { ...OPTIONS, expectedAccountSid: null },
    );
    expect(notConfigured.ok).toBe(true);
  });

  it("puts the error code in the effect key and the event", () => {
    const params = { ...BASE, MessageStatus: "undelivered", ErrorCode: "30003", ErrorMessage: "Unreachable" };
    const event = statusEvent(parseTwilioCallback(params, OPTIONS));
    expect(event).toMatchObject({
      effectKey: `${SID}:undelivered:30003`,
      errorCode: "30003",
      errorMessage: "Unreachable",
    });
    const otherCode = statusEvent(parseTwilioCallback({ ...params, ErrorCode: "30005" }, OPTIONS));
    expect(otherCode.effectKey).not.toBe(event.effectKey);
    const blank = statusEvent(parseTwilioCallback({ ...params, ErrorCode: "" }, OPTIONS));
    expect(blank).toMatchObject({ effectKey: `${SID}:undelivered:`, errorCode: null });
  });

  it("passes null delivery and embedded ids through", () => {
    const options = { deliveryId: null, expectedAccountSid: null, embeddedMessageId: null };
    expect(statusEvent(parseTwilioCallback(BASE, options))).toMatchObject({
      deliveryId: null,
      embeddedMessageId: null,
    });
  });
});

describe("parseRawDlrDoneDate", () => {
  it("reads YYMMDDhhmm as UTC", () => {
    expect(parseRawDlrDoneDate("2601051207")).toBe("2026-01-05T12:07:00.000Z");
  });

  it("returns null for absent, malformed or impossible dates", () => {
    for (const raw of [
      undefined,
      "",
      "24022915",
      "240229153000",
      "2313011200",
      "2302291200",
      "2401012460",
      "24O1011200",
    ]) {
      expect(parseRawDlrDoneDate(raw)).toBeNull();
    }
  });
});
