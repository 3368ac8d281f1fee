// Twilio status callbacks: form-encoded, signed over the PUBLIC URL (WEBHOOK_BASE_URL + configured path +
// the raw query), never over request.url, which is the internal address behind a proxy.
import { getBaseUrl } from "../../config/validate";
import { pickHeaders, verificationDisabled, type ProviderAdapter } from "../adapter";
import { isFormContentType, isJsonContentType } from "../content-type";
import { parseForm, type FormParams } from "./form";
import { parseTwilioCallback } from "./parse";
import { buildPublicUrl } from "./public-url";
import { verifyTwilioSignature } from "./verify";

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) || null;
}

function paramsOf(rawBody: string, contentType: string | null): FormParams {
  if (!isJsonContentType(contentType)) return parseForm(rawBody);
  // JSON webhooks carry bodySHA256 in the URL; their fields are read as strings like form fields.
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
  } catch {
    return {};
  }
}

export const twilioAdapter: ProviderAdapter = {
  provider: "twilio",
  expectedContentType: "application/x-www-form-urlencoded",
  path: (config) => config.TWILIO_WEBHOOK_URL,
  acceptsContentType(contentType, query) {
    if (isFormContentType(contentType)) return true;
    return isJsonContentType(contentType) && new URLSearchParams(query ?? "").has("bodySHA256");
  },
  signatureHeaders: (headers) => pickHeaders(headers, ["x-twilio-signature"]),
  examine({ config, headers, rawBody, query, contentType, verifiedAtReceipt }) {
    const params = paramsOf(rawBody, contentType);
    const publicUrl = buildPublicUrl(getBaseUrl(config), config.TWILIO_WEBHOOK_URL, query ?? "");
    const verification = verifiedAtReceipt
      ? verifiedAtReceipt
      : verificationDisabled(config)
        ? ({ ok: true, verified: false } as const)
        : verifyTwilioSignature({
            authTokens: config.TWILIO_AUTH_TOKEN,
            signature: headers.get("x-twilio-signature"),
            signatureSettings: headers.get("x-twilio-webhooks-signature-settings"),
            publicUrl,
            params,
            rawBody,
            contentType,
          });
    const deliveryId = headers.get("i-twilio-idempotency-token")?.trim() || null;
    return {
      verification,
      deliveryId,
      claimedEventType: first(params.MessageStatus) ?? first(params.SmsStatus),
      claimedExternalId: first(params.MessageSid) ?? first(params.SmsSid),
      parse: () =>
        parseTwilioCallback(params, {
          deliveryId,
          expectedAccountSid: config.TWILIO_ACCOUNT_SID ?? null,
          // Our id travels in the signed StatusCallback URL (MESSAGE_ID_MAPPING_STRATEGY=embedded).
          embeddedMessageId: new URLSearchParams(query ?? "").get("message_id"),
        }),
    };
  },
};
