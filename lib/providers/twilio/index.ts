export { parseForm, decodeFormComponent, type FormParams } from "./form";
export { buildPublicUrl } from "./public-url";
export { twilioRetryFragment } from "./retry-fragment";
export { verifyTwilioSignature, PUBLIC_URL_HINT, type TwilioSignatureInput } from "./verify";
export { parseTwilioCallback, type TwilioParseOptions } from "./parse";
export { parseRawDlrDoneDate } from "./dlr-date";
export { TWILIO_MESSAGE_STATUSES, INBOUND_STATUSES, type TwilioMessageStatus } from "./statuses";
export { twilioAdapter } from "./adapter";
