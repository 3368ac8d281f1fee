// What a support person typed into the one search box: an email address, a phone number in any common
// spelling, one of our message ids, or a provider's id. Resend's email ids are UUIDs like ours, so a
// UUID is looked up as both.
import type { CountryCode } from "libphonenumber-js";
import { normalizeEmail } from "../messages/recipients";
import { parsePhone } from "../phone/parse-phone";

export type SearchTerm =
  | { kind: "email"; email: string }
  | { kind: "phone"; e164: string; extension: string | null }
  | { kind: "id"; id: string }
  | { kind: "providerId"; externalId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
/** Twilio message SIDs: SM (SMS) and MM (MMS), 32 hex digits. */
export const TWILIO_MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i;

export function classifyQuery(raw: string, defaultCountry: CountryCode): SearchTerm | null {
  const q = raw.trim();
  if (!q) return null;
  if (UUID.test(q)) return { kind: "id", id: q.toLowerCase() };
  // "Ada <ADA@Example.com>" pasted from a mail client counts too.
  const email = normalizeEmail(q);
  if (EMAIL.test(email)) return { kind: "email", email };
  // SIDs are case-sensitive in Twilio's API but always spelled SM/MM + lowercase hex.
  if (TWILIO_MESSAGE_SID.test(q))
    return { kind: "providerId", externalId: q.slice(0, 2).toUpperCase() + q.slice(2).toLowerCase() };
  const phone = parsePhone(q, defaultCountry);
  if (phone) return { kind: "phone", e164: phone.e164, extension: phone.extension };
  return { kind: "providerId", externalId: q };
}

/** Every spelling a phone recipient is stored under: plain E.164 and Twilio's channel prefixes. */
export function phoneRecipients(e164: string): string[] {
  return [e164, `whatsapp:${e164}`, `rcs:${e164}`];
}
