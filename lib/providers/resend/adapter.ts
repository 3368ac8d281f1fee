// Resend events: Svix-signed JSON (svix-* or webhook-* headers), verified over the raw body.
import { verificationDisabled, type ProviderAdapter } from "../adapter";
import { isJsonContentType } from "../content-type";
import { getDeliveryHeaders } from "./headers";
import { parseResendEvent } from "./parse";
import { verifyResendSignature } from "./verify";

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
  acceptsContentType: (contentType) => isJsonContentType(contentType),
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
