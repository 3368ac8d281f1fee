// Which events mean "do not send to this recipient again". Pure decisions: the caller stores the
// suppression with the event that caused it. Bounces and complaints keep distinct reasons and soft
// bounces only suppress past a threshold: the two gaps users report in listmonk.
import type { Channel } from "@/lib/providers/types";

export type SuppressionReason =
  | "hard_bounce"
  | "complaint"
  | "provider_suppressed"
  | "unsubscribed"
  | "invalid_number"
  | "landline"
  | "soft_bounce_threshold";

export interface SuppressionDecision {
  reason: SuppressionReason;
  /** Limits the suppression to one sender (the number that received STOP); absent = every sender. */
  scope?: string;
}

export interface SuppressionEvent {
  channel: Channel;
  status: string;
  errorCode?: string | null;
  bounceType?: string | null;
  /** Our sending address or number (Twilio From). */
  sender?: string | null;
}

export interface SoftBouncePolicy {
  /** Soft bounces within the window that suppress the address. */
  threshold: number;
  windowDays: number;
}

/** A starting point; the real policy comes from configuration. */
export const DEFAULT_SOFT_BOUNCE_POLICY: SoftBouncePolicy = { threshold: 3, windowDays: 7 };

const DAY_MS = 24 * 60 * 60 * 1000;

const SMS_CODES = new Map<string, SuppressionReason>([
  ["21610", "unsubscribed"],
  ["30005", "invalid_number"],
  ["30006", "landline"],
]);

const bounceTypeIs = (event: SuppressionEvent, ...types: string[]) =>
  event.status === "bounced" && types.includes(event.bounceType?.trim().toLowerCase() ?? "");

/** An email bounce the provider expects may succeed later: counted, suppressing only past the threshold. */
export function isSoftBounce(event: SuppressionEvent): boolean {
  return event.channel === "email" && bounceTypeIs(event, "temporary", "transient");
}

/**
 * The suppression an event calls for, or null. Only for an event stored for the first time. A STOP (21610)
 * only blocks the number that received it, so it is scoped to that sender; when the sender is unknown
 * it suppresses for every sender, because texting someone who opted out is the worse mistake.
 */
export function suppressionFor(event: SuppressionEvent): SuppressionDecision | null {
  if (event.channel === "email") {
    if (bounceTypeIs(event, "permanent")) return { reason: "hard_bounce" };
    if (event.status === "complained") return { reason: "complaint" };
    if (event.status === "suppressed") return { reason: "provider_suppressed" };
    return null;
  }
  const reason = SMS_CODES.get(event.errorCode?.trim() ?? "");
  if (reason === undefined) return null;
  const sender = event.sender?.trim();
  return reason === "unsubscribed" && sender ? { reason, scope: sender } : { reason };
}

/**
 * True when the soft bounces inside the window (ending at `now`) reach the threshold. Pass one time per
 * distinct bounce, the current one included. Times after `now` still count: they are clock skew, not
 * the future.
 */
export function softBounceShouldSuppress(
  recentSoftBounceTimes: readonly Date[],
  now: Date,
  { threshold, windowDays }: SoftBouncePolicy,
): boolean {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError("threshold must be a positive integer");
  if (!(windowDays > 0)) throw new RangeError("windowDays must be positive");
  const windowStart = now.getTime() - windowDays * DAY_MS;
  const inWindow = recentSoftBounceTimes.filter((time) => time.getTime() >= windowStart).length;
  return inWindow >= threshold;
}
