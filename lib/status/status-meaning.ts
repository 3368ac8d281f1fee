// What each status means in plain words, for the people who answer a customer's "did it arrive?". The
// label is what a badge says; the meaning is the sentence behind it (a tooltip, the detail page).
import type { RetryAdvice } from "./error-codes";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

export interface StatusMeaning {
  label: string;
  meaning: string;
  tone: StatusTone;
}

type Table = ReadonlyMap<string, StatusMeaning>;

const REGISTERED: StatusMeaning = {
  label: "Registered",
  meaning: "Your application registered this message; the provider has not reported on it yet.",
  tone: "neutral",
};

const SMS: Table = new Map<string, StatusMeaning>([
  ["registered", REGISTERED],
  [
    "accepted",
    { label: "Accepted", meaning: "Twilio accepted the message and will queue it.", tone: "info" },
  ],
  ["scheduled", { label: "Scheduled", meaning: "Twilio will send it at the scheduled time.", tone: "info" }],
  ["queued", { label: "Queued", meaning: "Waiting in Twilio's queue to be sent.", tone: "info" }],
  ["sending", { label: "Sending", meaning: "Twilio is handing the message to the carrier.", tone: "info" }],
  [
    "sent",
    {
      label: "Sent",
      meaning:
        "The carrier took the message; no delivery receipt yet. Some carriers never send one, so this can be the last word.",
      tone: "info",
    },
  ],
  [
    "delivered",
    { label: "Delivered", meaning: "The carrier confirmed it reached the phone.", tone: "success" },
  ],
  [
    "read",
    { label: "Read", meaning: "Delivered, and the recipient opened it (read receipt).", tone: "success" },
  ],
  [
    "partially_delivered",
    {
      label: "Partly delivered",
      meaning: "Some parts of a multi-part message arrived, not all.",
      tone: "warning",
    },
  ],
  [
    "undelivered",
    { label: "Not delivered", meaning: "The carrier could not deliver it to the phone.", tone: "danger" },
  ],
  ["failed", { label: "Failed", meaning: "Twilio could not send it at all.", tone: "danger" }],
  ["canceled", { label: "Canceled", meaning: "The send was canceled before it went out.", tone: "neutral" }],
]);

const EMAIL: Table = new Map<string, StatusMeaning>([
  ["registered", REGISTERED],
  ["scheduled", { label: "Scheduled", meaning: "Resend will send it at the scheduled time.", tone: "info" }],
  [
    "sent",
    {
      label: "Sent",
      meaning: "Resend sent it; the receiving mail server has not confirmed it yet.",
      tone: "info",
    },
  ],
  [
    "delivery_delayed",
    {
      label: "Delayed",
      meaning: "The receiving mail server deferred it for now; Resend keeps retrying for a while.",
      tone: "warning",
    },
  ],
  ["delivered", { label: "Delivered", meaning: "The recipient's mail server accepted it.", tone: "success" }],
  ["bounced", { label: "Bounced", meaning: "The recipient's mail server refused it.", tone: "danger" }],
  ["failed", { label: "Failed", meaning: "Resend could not send it.", tone: "danger" }],
  [
    "suppressed",
    {
      label: "Suppressed",
      meaning: "Resend did not send it because the address bounced or complained before.",
      tone: "danger",
    },
  ],
]);

/** Events that are not delivery statuses: engagement and the rest. */
const EVENTS: Table = new Map<string, StatusMeaning>([
  ["opened", { label: "Opened", meaning: "The recipient opened the email.", tone: "success" }],
  ["clicked", { label: "Clicked", meaning: "The recipient clicked a link in the email.", tone: "success" }],
  [
    "complained",
    { label: "Marked as spam", meaning: "The recipient reported the email as spam.", tone: "danger" },
  ],
]);

export function describeStatus(channel: string, status: string): StatusMeaning {
  const table = channel === "email" ? EMAIL : SMS;
  return (
    table.get(status) ??
    EVENTS.get(status) ?? {
      label: status.replace(/_/g, " "),
      meaning: `The provider reported "${status}".`,
      tone: "neutral",
    }
  );
}

export const STUCK_MEANING =
  "No final status (delivered, failed, bounced…) this long after sending: the provider's callback may never have come.";

/** The retry advice as the sentence a support person can repeat. */
export function describeAdvice(advice: RetryAdvice, retryable: boolean | null): string {
  switch (advice) {
    case "retry later":
      return retryable === null
        ? "One retry later is reasonable; if it fails again, look into it."
        : "Retrying later can work.";
    case "do not retry":
      return "Retrying won't help.";
    case "fix configuration":
      return "Retrying won't help until the sending account or number is fixed.";
    case "fix content":
      return "Retrying the same message won't help; the content or the sender registration must change.";
    case "investigate":
      return "Look into it before retrying.";
  }
}

/** Statuses a person picks from in the list's filter, per channel. */
export function filterableStatuses(): Array<{ value: string; label: string }> {
  const seen = new Map<string, string>();
  for (const table of [SMS, EMAIL])
    for (const [value, m] of table) if (!seen.has(value)) seen.set(value, m.label);
  return [...seen].map(([value, label]) => ({ value, label }));
}
