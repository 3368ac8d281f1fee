// How a recipient looks to someone who may not see it (marketing): enough to tell two apart, not enough
// to contact anyone. "+14155550100" → "+1•••••0100", "jane@example.com" → "j•••@example.com".
import { parsePhoneNumberFromString } from "libphonenumber-js";

const DOTS = "•••••";

export function maskRecipient(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = value.lastIndexOf("@");
  if (at > 0) return `${value[0]}•••${value.slice(at)}`;
  const channel = /^(whatsapp:|rcs:)/.exec(value)?.[0] ?? "";
  const number = value.slice(channel.length);
  const digits = number.replace(/\D/g, "");
  if (digits.length <= 4) return channel + DOTS;
  // Keep the country calling code when the number parses, so "+44" and "+1" numbers stay apart.
  const code = number.startsWith("+") ? parsePhoneNumberFromString(number)?.countryCallingCode : undefined;
  const prefix = code ? `+${code}` : number.startsWith("+") ? "+" : "";
  return `${channel}${prefix}${DOTS}${digits.slice(-4)}`;
}

/**
 * Keys that hold a recipient in API answers and page data, compared lower-case so provider payloads
 * (Twilio's "To", Resend's data.to list) are caught too. "from" is the sender's own address: not masked.
 */
const RECIPIENT_KEYS = new Set(["to", "recipient", "recipients", "email", "phone"]);

/**
 * Masks every recipient-bearing field of a JSON-like value, at any depth. Used on every API answer a
 * marketing caller gets, so a new endpoint cannot leak a recipient by forgetting to mask.
 */
export function maskRecipientsDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskRecipientsDeep(v)) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!RECIPIENT_KEYS.has(key.toLowerCase())) out[key] = maskRecipientsDeep(v);
    else if (typeof v === "string") out[key] = maskRecipient(v);
    else if (Array.isArray(v))
      out[key] = v.map((x) => (typeof x === "string" ? maskRecipient(x) : maskRecipientsDeep(x)));
    else out[key] = maskRecipientsDeep(v);
  }
  return out as T;
}
