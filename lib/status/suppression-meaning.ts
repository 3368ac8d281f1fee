// Why a recipient is suppressed, in the words support uses with a customer.
const REASONS: Record<string, string> = {
  hard_bounce: "The address bounced permanently (it does not exist or refuses mail)",
  complaint: "The recipient marked an email as spam",
  provider_suppressed: "Resend refused to send: the address is on its suppression list",
  unsubscribed: "The recipient replied STOP",
  invalid_number: "The number does not exist or is out of service",
  landline: "The number is a landline or cannot receive texts",
  soft_bounce_threshold: "The address bounced temporarily too many times in a row",
};

export function describeSuppressionReason(reason: string): string {
  return REASONS[reason] ?? reason.replace(/_/g, " ");
}

/** Short labels for the filter. */
export const SUPPRESSION_REASON_LABELS: Record<string, string> = {
  hard_bounce: "Hard bounce",
  complaint: "Spam complaint",
  provider_suppressed: "Resend suppression list",
  unsubscribed: "Replied STOP",
  invalid_number: "Invalid number",
  landline: "Landline",
  soft_bounce_threshold: "Repeated soft bounces",
};
