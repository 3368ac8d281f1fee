// Resend events: Svix-signed JSON (svix-* or webhook-* headers), verified over the raw body.
import { pickHeaders, verificationDisabled, type ProviderAdapter } from "../adapter";
import { isJsonContentType } from "../content-type";
import { getDeliveryHeaders } from "./headers";
import { parseResendEvent } from "./parse";
import { verifyResendSignature } from "./verify";

/** What Svix signs with, under both spellings (see ./headers.ts). */
const SIGNATURE_HEADERS = [
  "svix-id",
  "svix-timestamp",
  "svix-signature",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
] as const;

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
  signatureHeaders: (headers) => pickHeaders(headers, SIGNATURE_HEADERS),
  examine({ config, headers, rawBody, verifyAt, verifiedAtReceipt }) {
    const deliveryId = getDeliveryHeaders(headers).id;
    const verification = verifiedAtReceipt
      ? verifiedAtReceipt
      : verificationDisabled(config)
        ? ({ ok: true, verified: false } as const)
        : verifyResendSignature({ secrets: config.RESEND_WEBHOOK_SECRET, headers, rawBody, now: verifyAt });
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
