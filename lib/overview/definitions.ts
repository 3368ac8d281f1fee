// What each number on the overview means, in the words of docs/metrics.md (a test keeps them equal).
export const METRIC_DEFINITIONS = {
  smsDeliveryRate:
    "delivered ÷ (delivered + undelivered + failed), where delivered includes `read` (a read receipt implies delivery)",
  emailDeliveryRate: "delivered ÷ (delivered + bounced + failed + suppressed)",
  emailBounceRate: "bounced ÷ (delivered + bounced + failed + suppressed)",
  emailOpenRate: "messages opened at least once ÷ delivered",
  emailClickRate: "messages clicked at least once ÷ delivered",
  emailComplaintRate: "messages marked as spam ÷ delivered",
} as const;

/** Shown with every count: what is counted and by which time. */
export const COUNTED_BY = "Counted over messages (not events) by their send time, in their current status.";
