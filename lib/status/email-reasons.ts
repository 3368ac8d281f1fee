// Plain-language meaning of Resend's bounce type/subType, failed reason and suppressed type. Resend
// relays Amazon SES bounce classes: its docs call the soft class "Transient", its webhooks say
// "Temporary"; both are accepted. Source: https://resend.com/docs/dashboard/emails/email-bounces
import type { ErrorExplanation, RetryAdvice } from "./error-codes";

export interface BounceExplanation extends ErrorExplanation {
  /** hard = Permanent, soft = Temporary/Transient, undetermined = anything else. */
  severity: "hard" | "soft" | "undetermined";
}

type Severity = BounceExplanation["severity"];
type Entry = { title: string; explanation: string; advice?: RetryAdvice; retryable?: boolean | null };

const SEVERITY: Record<Severity, Required<Entry>> = {
  hard: {
    title: "Hard bounce",
    advice: "do not retry",
    retryable: false,
    explanation: "The recipient's mail server rejected the email permanently.",
  },
  soft: {
    title: "Soft bounce",
    advice: "retry later",
    retryable: true,
    explanation: "The recipient's mail server rejected the email for now; a later send may succeed.",
  },
  undetermined: {
    title: "Bounce",
    advice: "investigate",
    retryable: null,
    explanation: "The email bounced and the reason could not be determined from the bounce message.",
  },
};

// "General" has no advice of its own: the bounce type decides it.
const SUB_TYPES = new Map<string, Entry>([
  ["general", { title: "general", explanation: "The recipient's provider gave no specific reason." }],
  [
    "noemail",
    {
      title: "no address in bounce",
      advice: "investigate",
      explanation: "The bounce message did not say which recipient address failed.",
    },
  ],
  [
    "suppressed",
    {
      title: "suppressed",
      advice: "do not retry",
      retryable: false,
      explanation: "The address is on the provider's suppression list because it recently hard-bounced.",
    },
  ],
  [
    "onaccountsuppressionlist",
    {
      title: "on account suppression list",
      advice: "do not retry",
      retryable: false,
      explanation:
        "The address is on your account's suppression list (earlier hard bounce or complaint), so no send was attempted.",
    },
  ],
  [
    "mailboxfull",
    {
      title: "mailbox full",
      advice: "retry later",
      retryable: true,
      explanation: "The recipient's inbox is full; it may accept mail once space is freed.",
    },
  ],
  [
    "messagetoolarge",
    {
      title: "message too large",
      advice: "fix content",
      retryable: false,
      explanation: "The email was too large for the recipient's server. Send a smaller message.",
    },
  ],
  [
    "contentrejected",
    {
      title: "content rejected",
      advice: "fix content",
      retryable: false,
      explanation: "The recipient's server does not allow the content of this email.",
    },
  ],
  [
    "attachmentrejected",
    {
      title: "attachment rejected",
      advice: "fix content",
      retryable: false,
      explanation: "The recipient's server refused an attachment (its type or size).",
    },
  ],
  [
    "messagerejected",
    {
      title: "message rejected",
      advice: "fix content",
      retryable: false,
      explanation: "The recipient's server refused this message, typically by a spam or policy filter.",
    },
  ],
]);

function severityOf(type: string | null | undefined): Severity {
  const normalized = type?.trim().toLowerCase();
  if (normalized === "permanent") return "hard";
  if (normalized === "temporary" || normalized === "transient") return "soft";
  return "undetermined";
}

/** Explains a Resend bounce. Null when neither type nor subType is known. */
export function explainBounce(
  type: string | null | undefined,
  subType: string | null | undefined,
): BounceExplanation | null {
  if (!type?.trim() && !subType?.trim()) return null;
  const severity = severityOf(type);
  const base = SEVERITY[severity];
  const sub = subType ? SUB_TYPES.get(subType.trim().toLowerCase()) : undefined;
  const subLabel = sub?.title ?? (subType?.trim() || null);
  return {
    code: [type?.trim() || "Undetermined", subType?.trim() || "Undetermined"].join("/"),
    severity,
    title:
      subLabel === null || subLabel.toLowerCase() === "undetermined"
        ? base.title
        : `${base.title}, ${subLabel}`,
    explanation: sub === undefined ? base.explanation : `${base.explanation} ${sub.explanation}`,
    advice: sub?.advice ?? base.advice,
    // The provider's own word that a bounce is permanent outranks what the subType suggests.
    retryable: severity === "hard" ? false : (sub?.retryable ?? base.retryable),
    docsUrl: "https://resend.com/docs/dashboard/emails/email-bounces",
  };
}

const FAILED_REASONS = new Map<string, Omit<ErrorExplanation, "code" | "docsUrl">>([
  [
    "reached_daily_quota",
    {
      title: "Daily sending quota reached",
      advice: "retry later",
      retryable: true,
      explanation:
        "The Resend account reached its daily sending quota, so this email was not sent. It can be sent once the quota resets, or after raising the plan's limit.",
    },
  ],
]);

/** Explains the `failed.reason` of an email.failed event; unknown reasons are shown as sent. */
export function explainFailedReason(reason: string | null | undefined): ErrorExplanation | null {
  const key = reason?.trim();
  if (!key) return null;
  const entry = FAILED_REASONS.get(key);
  if (entry !== undefined) return { code: key, ...entry, docsUrl: null };
  return {
    code: key,
    title: `Send failed: ${key}`,
    advice: "investigate",
    retryable: null,
    docsUrl: null,
    explanation: `Resend could not send this email (reason "${key}"). Check the email in the Resend dashboard.`,
  };
}

/** Explains the `suppressed.type` of an email.suppressed event: Resend did not even try to send. */
export function explainSuppressed(type: string | null | undefined): ErrorExplanation | null {
  const key = type?.trim();
  if (!key) return null;
  // Resend documents OnAccountSuppressionList; other types get the generic meaning of a suppression.
  const known =
    key.toLowerCase() === "onaccountsuppressionlist" ? SUB_TYPES.get("onaccountsuppressionlist") : undefined;
  const explanation =
    known?.explanation ??
    `Resend suppressed sending to this address (${key}) because it bounced or complained before.`;
  return {
    code: key,
    title: "Suppressed by Resend",
    explanation,
    advice: "do not retry",
    retryable: false,
    docsUrl: "https://resend.com/docs/dashboard/emails/email-suppressions",
  };
}
