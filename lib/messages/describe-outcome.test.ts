import { describe, expect, it } from "vitest";
import { explainBounce, explainTwilioError } from "../status/error-codes";
import { describeOutcome } from "./describe-outcome";

describe("describeOutcome", () => {
  it("says an undelivered SMS was filtered as spam, with its code and that retrying won't help", () => {
    const o = describeOutcome({
      channel: "sms",
      status: "undelivered",
      explanation: explainTwilioError("30007"),
      stuck: false,
    });
    expect(o.headline).toBe("Not delivered: message filtered (30007)");
    expect(o.explanation).toMatch(/spam/);
    expect(o.advice).toMatch(/^Retrying the same message won't help/);
    expect(o.tone).toBe("danger");
    expect(o.docsUrl).toMatch(/30007/);
  });

  it("says a hard bounce is permanent and not worth retrying", () => {
    const o = describeOutcome({
      channel: "email",
      status: "bounced",
      explanation: explainBounce("Permanent", "General"),
      stuck: false,
    });
    expect(o.headline).toMatch(/^Bounced: hard bounce/);
    expect(o.advice).toBe("Retrying won't help.");
  });

  it("says a stuck message is waiting for a callback that may never come, and where to look", () => {
    const o = describeOutcome({ channel: "sms", status: "sent", explanation: null, stuck: true });
    expect(o.headline).toBe("Stuck: sent, no final status yet");
    expect(o.advice).toMatch(/Twilio console/);
    expect(o.tone).toBe("warning");
    expect(
      describeOutcome({ channel: "email", status: "registered", explanation: null, stuck: true }).advice,
    ).toMatch(/Resend dashboard/);
  });

  it("says a delivered message is delivered, with nothing to do", () => {
    expect(
      describeOutcome({ channel: "sms", status: "delivered", explanation: null, stuck: false }),
    ).toMatchObject({
      headline: "Delivered",
      advice: null,
      tone: "success",
    });
    expect(
      describeOutcome({ channel: "email", status: "sent", explanation: null, stuck: false }).advice,
    ).toMatch(/Nothing to do yet/);
  });
});
