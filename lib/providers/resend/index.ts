export { getDeliveryHeaders, type DeliveryHeaders, type HeaderInput } from "./headers";
export { parseResendEvent, type ParseResendEventOptions } from "./parse";
export { TRACKED_EMAIL_EVENT_TYPES, type TrackedEmailEventType } from "./schema";
export {
  TIMESTAMP_TOLERANCE_SECONDS,
  verifyResendSignature,
  type VerifyResendSignatureInput,
} from "./verify";
export { resendAdapter } from "./adapter";
