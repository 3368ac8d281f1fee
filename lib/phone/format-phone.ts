// A stored recipient as a person reads it: "+14155550100" → "+1 415 555 0100", "whatsapp:+44…" →
// "WhatsApp +44 20 7946 0958". Emails and masked values are shown as they are.
import { parsePhoneNumberFromString } from "libphonenumber-js";

const CHANNEL_NAMES: Record<string, string> = { "whatsapp:": "WhatsApp ", "rcs:": "RCS " };

export function formatRecipient(value: string): string {
  if (value.includes("@") || value.includes("•")) return value;
  const prefix = /^(whatsapp:|rcs:)/i.exec(value)?.[0] ?? "";
  const number = parsePhoneNumberFromString(value.slice(prefix.length));
  if (!number) return value;
  return (CHANNEL_NAMES[prefix.toLowerCase()] ?? "") + number.formatInternational();
}
