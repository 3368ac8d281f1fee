// Plain-language meaning of Twilio's ErrorCode, for support staff reading a message timeline. Twilio's
// status callback carries only the code (no ErrorMessage), so the words have to come from us.
// Sources: docs/providers.md and Twilio's error pages (https://www.twilio.com/docs/api/errors/<code>).
export {
  explainBounce,
  explainFailedReason,
  explainSuppressed,
  type BounceExplanation,
} from "./email-reasons";

/** What a sender should do about a failure. */
export type RetryAdvice =
  "retry later" | "do not retry" | "fix configuration" | "fix content" | "investigate";

export interface ErrorExplanation {
  code: string;
  title: string;
  explanation: string;
  advice: RetryAdvice;
  /** Whether sending the same message again can succeed; null when nobody can tell. */
  retryable: boolean | null;
  docsUrl: string | null;
}

type Entry = Pick<ErrorExplanation, "title" | "explanation" | "advice" | "retryable">;

const TWILIO_ERRORS = new Map<string, Entry>([
  [
    "30001",
    {
      title: "Queue overflow",
      advice: "retry later",
      retryable: true,
      explanation:
        "Too many messages were queued for this sender at once, so Twilio dropped this one. Send more slowly.",
    },
  ],
  [
    "30002",
    {
      title: "Account suspended",
      advice: "fix configuration",
      retryable: false,
      explanation: "The Twilio account or subaccount that sent this message is suspended.",
    },
  ],
  [
    "30003",
    {
      title: "Unreachable destination handset",
      advice: "retry later",
      retryable: true,
      explanation:
        "The phone could not be reached: switched off, out of signal, roaming, or unable to receive SMS right now.",
    },
  ],
  [
    "30004",
    {
      title: "Message blocked",
      advice: "do not retry",
      retryable: false,
      explanation: "The recipient or their carrier is blocking messages from this sender.",
    },
  ],
  [
    "30005",
    {
      title: "Unknown destination handset",
      advice: "do not retry",
      retryable: false,
      explanation: "The number does not exist or is no longer in service. Treat it as invalid.",
    },
  ],
  [
    "30006",
    {
      title: "Landline or unreachable carrier",
      advice: "do not retry",
      retryable: false,
      explanation: "The number is a landline, or its carrier does not accept text messages.",
    },
  ],
  [
    "30007",
    {
      title: "Message filtered",
      advice: "fix content",
      retryable: false,
      explanation:
        "The carrier's filter blocked the message as spam or as unregistered traffic. Change the content or complete sender registration.",
    },
  ],
  [
    "30008",
    {
      title: "Unknown error",
      advice: "retry later",
      retryable: null,
      explanation: "The carrier reported a failure without saying why.",
    },
  ],
  [
    "30009",
    {
      title: "Missing segment",
      advice: "retry later",
      retryable: null,
      explanation: "One part of a multi-part message never arrived, so the message as a whole failed.",
    },
  ],
  [
    "30010",
    {
      title: "Message price exceeds max price",
      advice: "fix configuration",
      retryable: false,
      explanation: "Sending would cost more than the MaxPrice set for this message.",
    },
  ],
  [
    "30011",
    {
      title: "MMS not supported by the receiving phone number",
      advice: "fix content",
      retryable: false,
      explanation: "The handset does not support MMS or has it turned off. Send the message without media.",
    },
  ],
  [
    "30032",
    {
      title: "Toll-free number has not been verified",
      advice: "fix configuration",
      retryable: false,
      explanation:
        "US and Canadian carriers block messages from toll-free numbers that have not completed toll-free verification.",
    },
  ],
  [
    "30034",
    {
      title: "Message from an unregistered number",
      advice: "fix configuration",
      retryable: false,
      explanation:
        "US carriers block 10DLC messages from numbers not registered to an approved A2P campaign.",
    },
  ],
  [
    "21211",
    {
      title: "Invalid 'To' phone number",
      advice: "do not retry",
      retryable: false,
      explanation: "The recipient number is not a valid phone number.",
    },
  ],
  [
    "21408",
    {
      title: "Permission to send to this region is not enabled",
      advice: "fix configuration",
      retryable: false,
      explanation: "The account's geographic permissions do not allow messages to the recipient's country.",
    },
  ],
  [
    "21610",
    {
      title: "Recipient unsubscribed",
      advice: "do not retry",
      retryable: false,
      explanation:
        "The recipient replied STOP to this sender. Twilio blocks messages from this sender until they reply START.",
    },
  ],
  [
    "21614",
    {
      title: "'To' number is not a valid mobile number",
      advice: "do not retry",
      retryable: false,
      explanation: "The recipient number cannot receive text messages (often a landline).",
    },
  ],
  [
    "63016",
    {
      title: "Outside the WhatsApp 24-hour window",
      advice: "fix content",
      retryable: false,
      explanation:
        "WhatsApp allows free-form messages only within 24 hours of the user's last message. Send an approved template instead.",
    },
  ],
]);

const twilioDocsUrl = (code: string) => `https://www.twilio.com/docs/api/errors/${encodeURIComponent(code)}`;

/**
 * Explains a Twilio ErrorCode. Null when there is no code; an unknown code gets a generic answer that
 * points at Twilio's own page rather than guessing.
 */
export function explainTwilioError(code: string | number | null | undefined): ErrorExplanation | null {
  const key = code === null || code === undefined ? "" : String(code).trim();
  if (key === "") return null;
  const docsUrl = twilioDocsUrl(key);
  const entry = TWILIO_ERRORS.get(key);
  if (entry !== undefined) return { code: key, ...entry, docsUrl };
  return {
    code: key,
    title: `Twilio error ${key}`,
    advice: "investigate",
    retryable: null,
    docsUrl,
    explanation: `Twilio error ${key}: see ${docsUrl}`,
  };
}
