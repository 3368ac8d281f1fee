// The plain-language explanation for whatever error an event or message carries, wherever a code appears.
import {
  explainBounce,
  explainFailedReason,
  explainSuppressed,
  explainTwilioError,
  type ErrorExplanation,
} from "../status/error-codes";

export interface ErrorFacts {
  channel: string;
  status: string;
  errorCode: string | null;
  bounceType: string | null;
  bounceSubType: string | null;
}

export function explainError(f: ErrorFacts): ErrorExplanation | null {
  if (f.channel === "sms") return f.errorCode ? explainTwilioError(f.errorCode) : null;
  if (f.status === "bounced" || f.bounceType) return explainBounce(f.bounceType, f.bounceSubType);
  if (f.status === "suppressed") return explainSuppressed(f.errorCode);
  if (f.status === "failed") return explainFailedReason(f.errorCode);
  return null;
}
