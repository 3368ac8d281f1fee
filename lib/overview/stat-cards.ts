// The stat cards of the overview: each number of a channel summary with its change against the previous
// period of the same length, and for rates the definition shown in a tooltip.
import type { ChannelSummary } from "../queries/get-metrics-summary";
import { METRIC_DEFINITIONS } from "./definitions";
import { countChange, rateChange, type Change } from "./format";

export interface StatCard {
  id: string;
  label: string;
  kind: "count" | "rate";
  value: number | null;
  previous: number | null;
  change: Change | null;
  /** For a change, whether up is good (delivery) or bad (bounces, complaints). */
  higherIsBetter: boolean;
  definition: string | null;
}

type Spec = {
  id: string;
  label: string;
  higherIsBetter?: boolean;
  definition?: string;
} & ({ count: string | string[] } | { rate: string });

const SMS: Spec[] = [
  { id: "sms-sent", label: "Sent", count: "total" },
  { id: "sms-delivered", label: "Delivered", count: "deliveredTotal" },
  { id: "sms-undelivered", label: "Undelivered", count: "undelivered", higherIsBetter: false },
  { id: "sms-failed", label: "Failed", count: "failed", higherIsBetter: false },
  {
    id: "sms-delivery-rate",
    label: "Delivery rate",
    rate: "deliveryRate",
    definition: METRIC_DEFINITIONS.smsDeliveryRate,
  },
];

const EMAIL: Spec[] = [
  { id: "email-sent", label: "Sent", count: "total" },
  { id: "email-delivered", label: "Delivered", count: "delivered" },
  {
    id: "email-delivery-rate",
    label: "Delivery rate",
    rate: "deliveryRate",
    definition: METRIC_DEFINITIONS.emailDeliveryRate,
  },
  {
    id: "email-open-rate",
    label: "Open rate",
    rate: "openRate",
    definition: METRIC_DEFINITIONS.emailOpenRate,
  },
  {
    id: "email-click-rate",
    label: "Click rate",
    rate: "clickRate",
    definition: METRIC_DEFINITIONS.emailClickRate,
  },
  {
    id: "email-bounce-rate",
    label: "Bounce rate",
    rate: "bounceRate",
    higherIsBetter: false,
    definition: METRIC_DEFINITIONS.emailBounceRate,
  },
  {
    id: "email-complaint-rate",
    label: "Complaint rate",
    rate: "complaintRate",
    higherIsBetter: false,
    definition: METRIC_DEFINITIONS.emailComplaintRate,
  },
];

function buildCard(spec: Spec, current: ChannelSummary, previous: ChannelSummary): StatCard {
  const base = {
    id: spec.id,
    label: spec.label,
    higherIsBetter: spec.higherIsBetter ?? true,
    definition: spec.definition ?? null,
  };
  if ("rate" in spec) {
    const value = current.rates[spec.rate] ?? null;
    const before = previous.rates[spec.rate] ?? null;
    return { ...base, kind: "rate", value, previous: before, change: rateChange(value, before) };
  }
  const keys = Array.isArray(spec.count) ? spec.count : [spec.count];
  const sum = (s: ChannelSummary) => keys.reduce((acc, k) => acc + (s.counts[k] ?? 0), 0);
  const value = sum(current);
  const before = sum(previous);
  return { ...base, kind: "count", value, previous: before, change: countChange(value, before) };
}

export function buildStatCards(
  channel: "sms" | "email",
  current: ChannelSummary,
  previous: ChannelSummary,
): StatCard[] {
  return (channel === "sms" ? SMS : EMAIL).map((spec) => buildCard(spec, current, previous));
}
