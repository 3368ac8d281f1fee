// Resend events: Svix-signed JSON (svix-* or webhook-* headers), verified over the raw body.
import { getDeliveryHeaders, parseResendEvent, verifyResendSignature } from "../../providers/resend";
import { verificationDisabled, type ProviderAdapter } from "./adapter";

const JSON_TYPE = /^\s*application\/([\w.+-]+\+)?json\b/i;

function claimed(rawBody: string): { type: string | null; emailId: string | null } {
  try {
    const body = JSON.parse(rawBody) as { type?: unknown; data?: { email_id?: unknown; id?: unknown } };
    const id = body?.data?.email_id ?? body?.data?.id;
    return {
      type: typeof body?.type === "string" ? body.type : null,
      emailId: typeof id === "string" ? id : null,
    };
  } catch {
    return { type: null, emailId: null };
  }
}

export const resendAdapter: ProviderAdapter = {
  provider: "resend",
  expectedContentType: "application/json",
  path: (config) => config.RESEND_WEBHOOK_URL,
  acceptsContentType: (contentType) => JSON_TYPE.test(contentType ?? ""),
  examine({ config, headers, rawBody }) {
    const deliveryId = getDeliveryHeaders(headers).id;
    const verification = verificationDisabled(config)
      ? ({ ok: true, verified: false } as const)
      : verifyResendSignature({ secrets: config.RESEND_WEBHOOK_SECRET, headers, rawBody });
    const hint = verification.ok ? { type: null, emailId: null } : claimed(rawBody);
    return {
      verification,
      deliveryId,
      claimedEventType: hint.type,
      claimedExternalId: hint.emailId,
      parse: () => parseResendEvent(rawBody, { deliveryId }),
    };
  },
};
