// The hostile requests a black-box test of an earlier build answered with a 5xx, each sent for sure on every
// run (fast-check's draws come on top): correctly signed payloads the database cannot take as they are, and
// a method the routes do not serve. Each must end in a 4xx with a reason, or be stored and accepted.
import { resendEmailEvent, twilioStatusParams } from "../../support/webhook-requests";
import { resendCase, twilioCase, type FuzzCase } from "./fuzz-cases";
import { NESTED_PLACEHOLDER, serialiseNested } from "./fuzz-values";

function resendWith(
  label: string,
  change: (event: { created_at: string; data: Record<string, unknown> }) => void,
  type = "email.delivered",
): FuzzCase {
  const event = resendEmailEvent(type) as { created_at: string; data: Record<string, unknown> };
  change(event);
  return resendCase(event, true, label);
}

function nested(label: string, key: string, levels: number, kind: "object" | "array"): FuzzCase {
  const event = resendEmailEvent("email.delivered") as { data: Record<string, unknown> };
  event.data[key] = NESTED_PLACEHOLDER;
  return resendCase(serialiseNested(event, levels, kind), true, label);
}

const trace = (path: string): FuzzCase => ({
  label: "TRACE",
  request: { method: "TRACE", path, headers: {} },
});

export function findingCases(): FuzzCase[] {
  return [
    twilioCase(
      twilioStatusParams({ MessageSid: "SM0123456789abcdef0123456789abcd\u0000x" }),
      true,
      "NUL in MessageSid",
    ),
    twilioCase(twilioStatusParams({ To: "+1415555\u00000100" }), true, "NUL in To"),
    twilioCase(twilioStatusParams({ To: "+1415555\n0100" }), true, "newline in To"),
    twilioCase(
      twilioStatusParams({ ErrorCode: "30003", ErrorMessage: "no\u0000route", MessageStatus: "undelivered" }),
      true,
      "NUL in ErrorMessage",
    ),
    resendWith("NUL in email_id", (e) => (e.data.email_id = "e\u0000" + "0".repeat(30))),
    resendWith("NUL in to", (e) => (e.data.to = ["a\u0000b@example.com"])),
    resendWith(
      "NUL in bounce message",
      (e) => (e.data.bounce = { message: "550 no\u0000such user", type: "Permanent", subType: "General" }),
      "email.bounced",
    ),
    resendWith("lone surrogate in a data key", (e) => (e.data["k\ud800"] = 1)),
    resendWith("lone surrogates in email_id", (e) => (e.data.email_id = "\ude33\udfca")),
    resendWith("lone surrogate in to", (e) => (e.data.to = ["\ud800@example.com"])),
    nested("data nested 5,000 deep", "nested", 5_000, "object"),
    nested("data nested 9,000 deep", "nested", 9_000, "object"),
    nested("tags nested 30,000 deep (arrays)", "tags", 30_000, "array"),
    resendWith("created_at 0000-01-01", (e) => (e.created_at = "0000-01-01T00:00:00Z")),
    resendWith("data.created_at 0000-01-01", (e) => (e.data.created_at = "0000-01-01T00:00:00Z")),
    resendWith("created_at year 275760", (e) => (e.created_at = "+275760-09-13T00:00:00.000Z")),
    trace("/webhooks/twilio"),
    trace("/webhooks/resend"),
    trace("/webhooks/health"),
    trace("/"),
  ];
}
