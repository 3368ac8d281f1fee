import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOFT_BOUNCE_POLICY,
  isSoftBounce,
  softBounceShouldSuppress,
  suppressionFor,
  type SuppressionEvent,
} from "./suppression-rules";

const email = (status: string, extra: Partial<SuppressionEvent> = {}): SuppressionEvent => ({
  channel: "email",
  status,
  ...extra,
});
const sms = (errorCode: string | null, extra: Partial<SuppressionEvent> = {}): SuppressionEvent => ({
  channel: "sms",
  status: "undelivered",
  errorCode,
  sender: "+15550100",
  ...extra,
});

describe("suppressionFor", () => {
  it("[EMAIL] hard bounce, complaint and provider suppression suppress the recipient", () => {
    expect(suppressionFor(email("bounced", { bounceType: "Permanent" }))).toEqual({ reason: "hard_bounce" });
    expect(suppressionFor(email("complained"))).toEqual({ reason: "complaint" });
    expect(suppressionFor(email("suppressed"))).toEqual({ reason: "provider_suppressed" });
  });

  it("[EMAIL] soft and undetermined bounces, deliveries and opens do not (on their own)", () => {
    expect(suppressionFor(email("bounced", { bounceType: "Temporary" }))).toBeNull();
    expect(suppressionFor(email("bounced", { bounceType: "Undetermined" }))).toBeNull();
    expect(suppressionFor(email("delivered"))).toBeNull();
    expect(suppressionFor(email("opened"))).toBeNull();
  });

  it("[SMS] STOP is scoped to the sender that received it; invalid numbers and landlines are global", () => {
    expect(suppressionFor(sms("21610"))).toEqual({ reason: "unsubscribed", scope: "+15550100" });
    expect(suppressionFor(sms("21610", { sender: null }))).toEqual({ reason: "unsubscribed" });
    expect(suppressionFor(sms("30005"))).toEqual({ reason: "invalid_number" });
    expect(suppressionFor(sms("30006"))).toEqual({ reason: "landline" });
  });

  it("[SMS] temporary failures and successes do not suppress", () => {
    expect(suppressionFor(sms("30003"))).toBeNull();
    expect(suppressionFor(sms(null, { status: "delivered" }))).toBeNull();
  });

  it("[SOFT] soft bounces are recognised for counting", () => {
    expect(isSoftBounce(email("bounced", { bounceType: "Temporary" }))).toBe(true);
    expect(isSoftBounce(email("bounced", { bounceType: "Transient" }))).toBe(true);
    expect(isSoftBounce(email("bounced", { bounceType: "Permanent" }))).toBe(false);
    expect(isSoftBounce(email("delivery_delayed"))).toBe(false);
  });
});

describe("softBounceShouldSuppress", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const policy = { threshold: 3, windowDays: 7 };

  it("[SOFT] suppresses at N bounces within M days, not below", () => {
    expect(softBounceShouldSuppress([daysAgo(1), daysAgo(3)], now, policy)).toBe(false);
    expect(softBounceShouldSuppress([daysAgo(1), daysAgo(3), daysAgo(0)], now, policy)).toBe(true);
  });

  it("[SOFT] bounces older than the window do not count; the boundary does", () => {
    expect(softBounceShouldSuppress([daysAgo(8), daysAgo(9), daysAgo(1)], now, policy)).toBe(false);
    expect(softBounceShouldSuppress([daysAgo(7), daysAgo(2), daysAgo(1)], now, policy)).toBe(true);
  });

  it("[SOFT] a bounce stamped slightly after now (clock skew) still counts", () => {
    expect(
      softBounceShouldSuppress([daysAgo(1), daysAgo(2), new Date(now.getTime() + 1000)], now, policy),
    ).toBe(true);
  });

  it("[SOFT] rejects a policy that cannot mean anything", () => {
    expect(() => softBounceShouldSuppress([], now, { threshold: 0, windowDays: 7 })).toThrow(RangeError);
    expect(() => softBounceShouldSuppress([], now, { threshold: 2, windowDays: 0 })).toThrow(RangeError);
    expect(softBounceShouldSuppress([now], now, { ...DEFAULT_SOFT_BOUNCE_POLICY, threshold: 1 })).toBe(true);
  });
});
