import { describe, expect, it } from "vitest";
import { explainBounce, explainFailedReason, explainSuppressed, explainTwilioError } from "./error-codes";

describe("explainTwilioError", () => {
  const required = [
    "30001",
    "30002",
    "30003",
    "30004",
    "30005",
    "30006",
    "30007",
    "30008",
    "30009",
    "30010",
    "30032",
    "30034",
    "21610",
    "63016",
  ];

  it("[TWILIO][KNOWN] every listed code has a title, words and advice", () => {
    for (const code of required) {
      const explained = explainTwilioError(code);
      expect(explained?.code).toBe(code);
      expect(explained?.title).not.toMatch(/^Twilio error/);
      expect(explained?.explanation.length).toBeGreaterThan(20);
      expect(explained?.docsUrl).toBe(`https://www.twilio.com/docs/api/errors/${code}`);
    }
  });

  it("[TWILIO][ADVICE] retry advice matches what a retry can achieve", () => {
    expect(explainTwilioError("30003")).toMatchObject({ advice: "retry later", retryable: true });
    expect(explainTwilioError("30005")).toMatchObject({ advice: "do not retry", retryable: false });
    expect(explainTwilioError("30006")).toMatchObject({
      title: "Landline or unreachable carrier",
      retryable: false,
    });
    expect(explainTwilioError("30007")).toMatchObject({ advice: "fix content" });
    expect(explainTwilioError("30034")).toMatchObject({ advice: "fix configuration", retryable: false });
    expect(explainTwilioError("21610")).toMatchObject({ advice: "do not retry" });
    expect(explainTwilioError("30008")?.retryable).toBeNull();
  });

  it("[TWILIO][INPUT] accepts numbers and padded strings; nothing for no code", () => {
    expect(explainTwilioError(30003)?.title).toBe("Unreachable destination handset");
    expect(explainTwilioError(" 30003 ")?.code).toBe("30003");
    expect(explainTwilioError(null)).toBeNull();
    expect(explainTwilioError(undefined)).toBeNull();
    expect(explainTwilioError("")).toBeNull();
  });

  it("[TWILIO][UNKNOWN] an unknown code points at Twilio's page instead of guessing", () => {
    expect(explainTwilioError("12345")).toEqual({
      code: "12345",
      title: "Twilio error 12345",
      advice: "investigate",
      retryable: null,
      explanation: "Twilio error 12345: see https://www.twilio.com/docs/api/errors/12345",
      docsUrl: "https://www.twilio.com/docs/api/errors/12345",
    });
  });
});

describe("explainBounce", () => {
  const types = ["Permanent", "Temporary", "Undetermined"];
  const subTypes = [
    "General",
    "NoEmail",
    "Suppressed",
    "OnAccountSuppressionList",
    "MailboxFull",
    "MessageTooLarge",
    "ContentRejected",
    "AttachmentRejected",
    "MessageRejected",
  ];

  it("[BOUNCE][ALL] every type x subType is explained", () => {
    for (const type of types) {
      for (const subType of subTypes) {
        const explained = explainBounce(type, subType);
        expect(explained?.code).toBe(`${type}/${subType}`);
        expect(explained?.explanation.length).toBeGreaterThan(40);
        if (type === "Permanent") expect(explained?.retryable).toBe(false);
      }
    }
  });

  it("[BOUNCE][SEVERITY] Permanent is hard, Temporary and Transient are soft", () => {
    expect(explainBounce("Permanent", "General")).toMatchObject({ severity: "hard", advice: "do not retry" });
    expect(explainBounce("Temporary", "General")).toMatchObject({
      severity: "soft",
      advice: "retry later",
      retryable: true,
    });
    expect(explainBounce("Transient", "MailboxFull")).toMatchObject({ severity: "soft", retryable: true });
    expect(explainBounce("Undetermined", "Undetermined")).toMatchObject({
      severity: "undetermined",
      title: "Bounce",
    });
  });

  it("[BOUNCE][SUBTYPE] the subType sharpens the advice", () => {
    expect(explainBounce("Temporary", "MessageTooLarge")).toMatchObject({
      advice: "fix content",
      title: "Soft bounce, message too large",
    });
    expect(explainBounce("Permanent", "OnAccountSuppressionList")?.advice).toBe("do not retry");
    expect(explainBounce("Permanent", "SomethingNew")).toMatchObject({
      title: "Hard bounce, SomethingNew",
      advice: "do not retry",
    });
    expect(explainBounce(null, null)).toBeNull();
  });
});

describe("explainFailedReason / explainSuppressed", () => {
  it("[FAILED] known and unknown reasons", () => {
    expect(explainFailedReason("reached_daily_quota")).toMatchObject({
      advice: "retry later",
      retryable: true,
    });
    expect(explainFailedReason("brand_new_reason")).toMatchObject({
      advice: "investigate",
      title: "Send failed: brand_new_reason",
    });
    expect(explainFailedReason(" ")).toBeNull();
  });

  it("[SUPPRESSED] suppressed sends are never retried", () => {
    expect(explainSuppressed("OnAccountSuppressionList")).toMatchObject({
      advice: "do not retry",
      retryable: false,
    });
    expect(explainSuppressed("OtherList")?.explanation).toContain("OtherList");
    expect(explainSuppressed(null)).toBeNull();
  });
});
